import type { AccessRequest } from '../access/access-request';
import type { DirectoryUser } from '../directory/directory';
import type { Activity, WorkOrder } from '../orders/work-order';
import type { Order, OrderLine } from '../provisioning/provisioning';
import type { Subscriber } from '../subscribers/subscriber';

/**
 * The emails provbot sends. The adapter owns templates and transport (SMTP, or
 * .eml files in the embedded default); the core says what to send and to whom.
 */
export interface EmailNotifier {
  /** The sender address partners ask their IT admin to allowlist. */
  readonly senderAddress: string;
  sendProvisioningEmail(input: { order: Order; line: OrderLine; to: string }): Promise<void>;
  sendAccessRequest(input: { request: AccessRequest; order: Order }): Promise<void>;
  sendAccessDecision(input: { request: AccessRequest; to: string }): Promise<void>;
  /**
   * A new activity to each recipient: Approval with signed one-click Approve and
   * Decline links (to a confirmation page at PUBLIC_URL; they expire and work once),
   * other activities with a summary of what to do in chat.
   */
  sendActivity(input: { activity: Activity; order: WorkOrder; subscriber: Subscriber | null; to: DirectoryUser[] }): Promise<void>;
  /**
   * "After an order is approved or rejected, an email is sent to the subscriber for
   * whom the order was placed" (OrderProvisionedEmailTemplate, OrderRejectedEmailTemplate).
   */
  sendOrderOutcome(input: {
    order: WorkOrder;
    subscriber: Subscriber;
    outcome: 'provisioned' | 'rejected';
    /** The rejected Approval, so the email can say who rejected it and why. */
    approval?: Activity | null;
  }): Promise<void>;
}
