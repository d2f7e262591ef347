import type { ChatPlatform } from '../directory/directory';
import type { CoreErrorCode, CoreErrorDetails } from '../errors';
import type { ContactChangeDone } from '../provisioning/change-provisioning-contact';
import type { Channel, LineSelection } from '../provisioning/provisioning';
import type { ResendDone } from '../provisioning/resend-provisioning-email';
import type { CaseOpened } from '../provisioning/open-support-case';
import type { SupportRequestType } from '../provisioning/support-case';
import type { DomainAction, DomainActionDone } from './domain-action';

export type ActionOutcome =
  | { ok: true; result: ResendDone | ContactChangeDone | CaseOpened | DomainActionDone }
  | { ok: false; code: CoreErrorCode; details: CoreErrorDetails[CoreErrorCode] }
  | { ok: false; code: 'UNEXPECTED'; ref: string };

/**
 * "Scenario 1: If you do not have access to resend the email ... Reach out to the
 * contact who placed the order" (ccw-resend-provisioning-email). provbot does the
 * reaching out: the placer gets an actionable request and, on approval, the bot
 * performs the action for the requester.
 */
export type RequestedAction =
  | { kind: 'resend'; lines: LineSelection }
  | { kind: 'contact'; lines: LineSelection; email: string }
  /** Open a support case on the requester's behalf (open-support-case.ts). */
  | { kind: 'case'; lines: LineSelection; description: string; requestType: SupportRequestType }
  /** An onboarding write in the request's partner domain, with the requester's input (domain-action.ts). */
  | DomainAction;

/** The actions about an order (its placer decides), as opposed to those about a partner domain. */
export type OrderAction = Exclude<RequestedAction, DomainAction>;
export const isOrderAction = (action: RequestedAction): action is OrderAction =>
  action.kind === 'resend' || action.kind === 'contact' || action.kind === 'case';

export type AccessRequestStatus = 'Pending' | 'Approved' | 'Declined';

export interface Requester {
  name: string;
  email: string | null;
  channel: Channel;
  platformUserId: string | null;
}

export interface AccessRequest {
  id: string;
  /**
   * The order the request is about, whose placer decides; null when it is about the
   * partner domain itself (an onboarding write), which every Administrator of `domain`
   * decides.
   */
  orderNumber: string | null;
  domain: string;
  action: RequestedAction;
  requester: Requester;
  /** The placer of the order, who decides; null for a domain request (its Administrators decide). */
  approver: { email: string; name: string } | null;
  status: AccessRequestStatus;
  decidedBy: { name: string; email: string | null; channel: Channel } | null;
  decidedAt: Date | null;
  /** What happened when the approved action ran, or why it could not. */
  outcome: ActionOutcome | null;
  createdAt: Date;
}

/** Where a copy of the request was posted, so it can be updated in place once decided. */
export interface PostedMessage {
  platform: ChatPlatform;
  /** Slack: channel id and ts. Teams: conversation reference and activity id. Opaque to the core. */
  address: string;
}

export type NewAccessRequest = Omit<AccessRequest, 'id' | 'status' | 'decidedBy' | 'decidedAt' | 'outcome'>;

/**
 * Who asked, for which order and which kind of action: one request per key may be open
 * (Pending) at a time, so repeating a command asks the placer once. A requester is known
 * by their verified email, else by their platform id; the action by its kind, so a
 * repeat with other lines or another address waits for the same decision.
 */
export function openRequestKey(request: Pick<NewAccessRequest, 'orderNumber' | 'domain' | 'action' | 'requester'>): string {
  const { requester } = request;
  const who = requester.email
    ? `email:${requester.email.trim().toLowerCase()}`
    : `${requester.channel}:${requester.platformUserId ?? requester.name}`;
  // A domain request is one per requester and action payload: another template is another
  // request, the same one asked twice waits for the first decision. The payload by its
  // digest: a batch of users can be long, and PostgreSQL's unique index refuses keys
  // over about 2.7 kB.
  if (request.orderNumber === null) {
    return JSON.stringify(['domain', request.domain, request.action.kind, payloadDigest(JSON.stringify(request.action)), who]);
  }
  return JSON.stringify([request.orderNumber, request.action.kind, who]);
}

/**
 * 128 bits from four FNV-1a-style passes, each with its own offset and multiplier (the
 * latter from MurmurHash). Not a defence against a
 * chosen collision, and needs none: a collision only makes a requester's own second
 * request wait for their first.
 */
function payloadDigest(text: string): string {
  return [
    [0x811c9dc5, 0x01000193],
    [0x050c5d1f, 0x5bd1e995],
    [0x2b1b9a3d, 0x85ebca6b],
    [0x6a09e667, 0xc2b2ae35],
  ]
    .map(([seed, prime]) => {
      let h = seed!;
      for (let i = 0; i < text.length; i += 1) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, prime!) >>> 0;
      }
      return h.toString(16).padStart(8, '0');
    })
    .join('');
}
