import type { LinePatch } from '../ports/order-repository.port';
import type { Order } from './provisioning';
import { addDays, policyWindowDays } from './provisioning';

/**
 * What a successful provisioning email changes on its line. The policy window starts
 * with the first email the contact receives and is not restarted by a resend: billing
 * follows "policy-defined days of receiving the email" (ccw-change-provisioning-contact),
 * and a resend is a copy of that email, not a new offer.
 */
export function sentPatch(order: Order, lineNumber: number, sentAt: Date): LinePatch {
  const line = order.lines.find((l) => l.lineNumber === lineNumber);
  if (line?.windowEndsAt) return { provisioningEmailSentAt: sentAt };
  return { provisioningEmailSentAt: sentAt, windowEndsAt: addDays(sentAt, policyWindowDays(order.offer)) };
}
