import type { AccessRequest } from '../access/access-request';
import type { Order, OrderLine } from '../provisioning/provisioning';

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
}
