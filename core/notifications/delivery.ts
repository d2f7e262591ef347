import type { PostedMessage } from '../access/access-request';
import type { ChatPlatform } from '../directory/directory';
import type { CustomerStatus } from '../onboarding/onboarding';
import type { TransactionKind } from '../provisioning/provisioning-transaction';
import type { GroupName, SystemEventType, WorkflowEventType } from './notification-settings';

/**
 * The transactional outbox: a state change and the notices it causes are written in
 * one transaction, then a dispatcher delivers them, one delivery per destination, with
 * retries. Content names what to show (an activity, a digest of activities, ...), not
 * the rendered text: a notice is rendered when it is sent, so a card posted after a
 * decision already shows the decision.
 */

/** A person in their direct chat, or a channel or group chat registered for a group. */
export type ChatTo = { kind: 'user'; platformUserId: string; email: string } | { kind: 'conversation'; address: string; label: string };

export type DeliveryTarget =
  /**
   * `asUser`: the address belongs to someone in the directory, so one-click links may
   * act as them; an external address gets the notice without links. `domain` picks the
   * SMTP settings (a domain may override the system's).
   */
  { channel: 'email'; address: string; asUser: boolean; domain: string | null } | { channel: 'chat'; platform: ChatPlatform; to: ChatTo };

/** One event in a system alert, as plain JSON (the outbox stores it as text). */
export interface SystemNotice {
  type: SystemEventType;
  occurredAt: string;
  domain: string | null;
  orderNumber: string | null;
  summary: string;
  /** A delivery-failure: the channel that failed, so the alert goes by the other one. */
  failedVia?: 'email' | 'chat';
}

export type DeliveryContent =
  /** A pending activity with its buttons; `escalatedAfterMinutes` when it goes to administrators because nobody acted. */
  | { kind: 'activity'; activityId: string; escalatedAfterMinutes: number | null }
  /** A posted copy shown again as the activity now stands (chat only). */
  | { kind: 'activity-update'; activityId: string; message: PostedMessage }
  /** "an email is sent to the subscriber for whom the order was placed" (email only). */
  | { kind: 'order-outcome'; orderNumber: string; outcome: 'provisioned' | 'rejected'; approvalId: string | null }
  /** "an aggregated notification with details of all such events ... in a single email". */
  | { kind: 'digest'; eventType: WorkflowEventType; domain: string; group: GroupName; activityIds: string[] }
  | { kind: 'system-alert'; eventType: SystemEventType; events: SystemNotice[] }
  /** Beyond the seed: a line's billing begins in `days` days, or has begun (email only). */
  | { kind: 'billing-reminder'; orderNumber: string; lineNumber: number; stage: 'before' | 'closed' }
  /** An access request to the order's placer, with Approve and Decline (buttons in chat, signed links by email). */
  | { kind: 'access-request'; requestId: string }
  /** A posted copy of an access request shown again as decided (chat only). */
  | { kind: 'access-request-update'; requestId: string; message: PostedMessage }
  /** The requester told how the placer decided. */
  | { kind: 'access-decision'; requestId: string }
  /**
   * A line's provisioning email (email only). `transactionId` is its history row, Pending
   * until this delivery is sent (Sent) or dead (Failed).
   */
  | { kind: 'provisioning-email'; orderNumber: string; lineNumber: number; to: string; emailKind: TransactionKind; transactionId: string }
  /**
   * A customer's creator told how its creation went (`status`: the one it reached then):
   * by email, each status once; in chat, one message posted at creation and updated in place.
   */
  | { kind: 'customer-status'; customerId: string; status: CustomerStatus }
  /** The creator's posted status message shown again as the customer now stands (chat only). */
  | { kind: 'customer-status-update'; customerId: string; message: PostedMessage }
  /**
   * An order's placer asked "Set up the services for the customer now?" once the order
   * is mapped to the customer's new organization, with the button that opens the wizard (chat only).
   */
  | { kind: 'services-setup-offer'; customerId: string; orderNumber: string }
  /** The customer's administrator welcomed, with the Get Started link (email only). */
  | { kind: 'customer-welcome'; customerId: string }
  /** A support case to the support address (email only). */
  | { kind: 'support-case'; caseNumber: string }
  /**
   * A customer administrator's Connect activation (email only): reminded before the
   * deadline (ISO time), told it passed, or the partner told it passed.
   */
  | { kind: 'connect-activation'; stage: ConnectActivationStage; customerName: string; adminEmail: string; deadline: string }

  /**
   * "Click Submit. The services setup takes a few minutes": the submitter's progress
   * message (chat only), posted once; its copies are updated in place as the setup
   * advances (`services-setup-update`, with the copy it replaces).
   */
  | { kind: 'services-setup-progress'; customerId: string }
  | { kind: 'services-setup-update'; customerId: string; message: PostedMessage }
  /** "Download Order Summary (PDF)": sent when the setup completes, the PDF attached (email, Slack) or linked (Teams). */
  | { kind: 'order-summary'; customerId: string };

export type ConnectActivationStage = 'reminder' | 'expired' | 'partner-expired';

/** Where a notice was posted, stored when it is sent so a later change can update it in place. */
export type PostedCopy =
  | { activityId: string; message: PostedMessage }
  | { accessRequestId: string; message: PostedMessage }
  | { customerId: string; message: PostedMessage }
  | { servicesSetupId: string; message: PostedMessage };

/** The posted copy a delivery replaces in place, if it is an update. */
export function copyToUpdate(content: DeliveryContent): PostedMessage | null {
  return content.kind === 'activity-update' ||
    content.kind === 'access-request-update' ||
    content.kind === 'customer-status-update' ||
    content.kind === 'services-setup-update'
    ? content.message
    : null;
}

export interface NewDelivery {
  /** The idempotency key: one delivery per key, ever; a retry reuses it and never sends a second copy. */
  key: string;
  target: DeliveryTarget;
  content: DeliveryContent;
  dueAt: Date;
}

export type DeliveryState = 'pending' | 'sent' | 'dead';

export interface Delivery extends NewDelivery {
  id: string;
  state: DeliveryState;
  /** Attempts started, this one included once claimed. */
  attempts: number;
  lastError: string | null;
  /** When it first failed (the retry horizon runs from then); null while it never has. */
  retryFrom: Date | null;
  createdAt: Date;
}

/** A delivery this process holds for a while (its lease); results are written only while the claim is still ours. */
export interface ClaimedDelivery extends Delivery {
  claim: string;
  /**
   * The previous attempt's outcome is unknown, so the notice may already be out: it
   * started and never recorded a result (its process died or lost its lease mid-send),
   * or it failed in a way that leaves open whether the far side stored it (a timeout, a
   * connection reset after the request went out, a 5xx). A notifier that can look
   * (Slack, by the key in the message's metadata) checks before sending again.
   */
  inDoubt: boolean;
}

/** An activity or system event waiting for its aggregation window to close. */
export interface NewDigestItem {
  /** Events with one batch key go out together: one domain group and event type, or one system event type. */
  batchKey: string;
  subject:
    | { kind: 'activity'; activityId: string; domain: string; group: GroupName; eventType: WorkflowEventType }
    | { kind: 'system'; notice: SystemNotice };
  occurredAt: Date;
  /** occurredAt plus the window in force when the event occurred. */
  dueAt: Date;
}
export interface DigestItem extends NewDigestItem {
  id: string;
}

/** "after the time specified if no action was taken for the triggering event". */
export interface NewEscalation {
  activityId: string;
  domain: string;
  /** The window in force when the activity opened ("the one that applies"). */
  windowMinutes: number;
  dueAt: Date;
}
export interface Escalation extends NewEscalation {
  id: string;
}

/** Everything a change writes to the outbox, in the change's own transaction. */
export interface OutboxWrites {
  deliveries: NewDelivery[];
  digestItems: NewDigestItem[];
  escalations: NewEscalation[];
}

export const noWrites = (): OutboxWrites => ({ deliveries: [], digestItems: [], escalations: [] });

export const mergeWrites = (...all: OutboxWrites[]): OutboxWrites => ({
  deliveries: all.flatMap((w) => w.deliveries),
  digestItems: all.flatMap((w) => w.digestItems),
  escalations: all.flatMap((w) => w.escalations),
});

export const isEmpty = (w: OutboxWrites): boolean => !w.deliveries.length && !w.digestItems.length && !w.escalations.length;

/** A stable name for a destination, for keys, rate limits and grouping a digest. */
export function targetKey(target: DeliveryTarget): string {
  if (target.channel === 'email') return `email:${target.address.trim().toLowerCase()}`;
  const to = target.to;
  return to.kind === 'user' ? `${target.platform}:user:${to.platformUserId}` : `${target.platform}:conversation:${shortHash(to.address)}`;
}

/** FNV-1a, 32-bit, hex: keeps keys short where the part hashed is long (a Teams conversation reference). */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
