import type { AccessRequest } from '../access/access-request';
import type { Customer, CustomerStatus } from '../onboarding/onboarding';
import type { ActivityMessage } from '../ports/chat-notifier.port';
import type { SetupProgressStep } from '../ports/services-setup-backend.port';
import type { OrderSummary } from '../services-setup/get-order-summary';
import type { OrderLine, Order } from '../provisioning/provisioning';
import type { OrderHistory } from '../provisioning/get-order-history';
import type { SupportCase } from '../provisioning/support-case';
import type { Activity, WorkOrder } from '../orders/model/work-order';
import type { Subscriber } from '../subscribers/subscriber';
import type { ConnectActivationStage, SystemNotice } from './delivery';
import type { GroupName, SystemEventType, WorkflowEventType } from './notification-settings';

/**
 * What a notifier renders: a delivery's content with the records it names, read when
 * the delivery is sent. Chat and email render the same notices their own way.
 */
export type ChatNotice =
  | (ActivityMessage & { kind: 'activity'; escalatedAfterMinutes: number | null })
  | DigestNotice
  | SystemAlertNotice
  | AccessRequestNotice
  | AccessDecisionNotice
  | CustomerStatusNotice
  | ServicesSetupOfferNotice
  | ServicesSetupProgressNotice
  | OrderSummaryNotice
  | { kind: 'test'; scope: string };

/** A submitted services setup as it stands: its backend steps so far, and how it ended once it has. */
export interface ServicesSetupProgressNotice {
  kind: 'services-setup-progress';
  summary: OrderSummary;
  progress: SetupProgressStep[];
  failure: string | null;
  /** The setup's version shown: a copy posted from an older one is brought up to date. */
  version: number;
}

/** A completed setup's order summary: the PDF goes with it (attached, uploaded, or linked). */
export interface OrderSummaryNotice {
  kind: 'order-summary';
  summary: OrderSummary;
}

/** How a customer's creation went, as of `status` (the customer as it stands now, for its name and packages). */
export interface CustomerStatusNotice {
  kind: 'customer-status';
  customer: Customer;
  status: CustomerStatus;
  /** The organization exists: the message asks "Set up the services for the customer now?" with a button. */
  offerServicesSetup: boolean;
}

/**
 * "Thank you. The order has been mapped correctly" then "Set up the services for the
 * customer?" (Control Hub, the subscription order's entry point to the wizard).
 */
export interface ServicesSetupOfferNotice {
  kind: 'services-setup-offer';
  customer: Customer;
  orderNumber: string;
}

/** "The administrator gets the welcome email with a Get Started link" to the admin portal. */
export interface CustomerWelcomeNotice {
  kind: 'customer-welcome';
  customer: Customer;
  adminPortalUrl: string;
}

/** The request as it now stands: a pending one with Approve and Decline, a decided one with its decision. */
export interface AccessRequestNotice {
  kind: 'access-request';
  request: AccessRequest;
  /** The order it is about; null for a request about the partner domain (an onboarding write). */
  order: Order | null;
}

/** What the requester hears once the placer decided (with the approved action's outcome). */
export interface AccessDecisionNotice {
  kind: 'access-decision';
  request: AccessRequest;
}

export interface DigestNotice {
  kind: 'digest';
  eventType: WorkflowEventType;
  domain: string;
  group: GroupName;
  /** Oldest first; activities since decided are listed with their outcome. */
  items: ActivityMessage[];
}

export interface SystemAlertNotice {
  kind: 'system-alert';
  eventType: SystemEventType;
  events: SystemNotice[];
}

export type EmailNotice =
  | ChatNotice
  | { kind: 'order-outcome'; order: WorkOrder; subscriber: Subscriber; outcome: 'provisioned' | 'rejected'; approval: Activity | null }
  | { kind: 'billing-reminder'; order: Order; line: OrderLine; stage: 'before' | 'closed'; days: number }
  /** The line as the email shows it: its provisioning contact is the address it goes to. */
  | { kind: 'provisioning-email'; order: Order; line: OrderLine }
  | CustomerWelcomeNotice
  /** A support case with the order as it stands and its history as `history` shows it. */
  | { kind: 'support-case'; supportCase: SupportCase; order: Order; history: OrderHistory }
  | { kind: 'connect-activation'; stage: ConnectActivationStage; customerName: string; adminEmail: string; deadline: Date };

export type { ActivityMessage };

const EMAIL_ONLY: ReadonlySet<EmailNotice['kind']> = new Set([
  'order-outcome',
  'billing-reminder',
  'provisioning-email',
  'support-case',
  'customer-welcome',
  'connect-activation',
]);

/** A notice chat can show; the others go by email only. */
export const isChatNotice = (notice: EmailNotice): notice is ChatNotice => !EMAIL_ONLY.has(notice.kind);
