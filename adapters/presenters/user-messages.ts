import type { CoreError, CoreErrorCode, CoreErrorDetails } from '../../core/index';
import { formatInstant, listLines } from './view';

/**
 * The words a user sees for each core error. A new CoreErrorCode does not compile
 * until it has an entry here. Raw error messages never reach a user.
 */
export const USER_MESSAGES: { [C in CoreErrorCode]: (d: CoreErrorDetails[C]) => string } = {
  ORDER_NOT_FOUND: (d) => `I can't find order ${d.orderNumber}. Check the number on the order confirmation.`,
  LINE_NOT_FOUND: (d) =>
    `Order ${d.orderNumber} has no ${listLines(d.lineNumbers)}; its lines are ${d.existing.join(', ')}.`,
  // "Once the organization is onboarded, you cannot resend the provisioning email. Either
  // provisioning contact or admin can complete the service set up by logging into" (seed).
  PAST_PONR: (d) =>
    `${capitalize(listLines(d.lineNumbers))} of order ${d.orderNumber} ${d.lineNumbers.length === 1 ? 'is' : 'are'} past the point of no return: ` +
    `the customer organization is already onboarded, so the provisioning email can no longer be resent or sent to a new contact. ` +
    `The provisioning contact or an admin can complete the service setup by signing in at ${d.adminPortalUrl}.`,
  NOT_AUTHORIZED: (d) => `You can't ${d.action}: ${d.reason}.`,
  INVALID_STATE: (d) => `That can't be done now: ${d.reason}.`,
  VALIDATION_FAILED: (d) => `That input isn't valid: ${d.issues.join('; ')}.`,
  CONFLICT: (d) => `That conflicts with what is already there: ${d.reason}.`,
  ALREADY_DECIDED: (d) => `This request was already ${d.decision.toLowerCase()} by ${d.decidedBy} at ${formatInstant(d.decidedAt)}.`,
  REQUEST_NOT_FOUND: () => `I can't find that access request. It may have been removed; ask the requester to try again.`,
  DELIVERY_FAILED: (d) => `I couldn't send ${d.what}: ${d.reason}.`,
};

export function userMessage(err: CoreError): string {
  const render = USER_MESSAGES[err.code] as (d: unknown) => string;
  return render(err.details);
}

export function unexpectedMessage(ref: string): string {
  return `Something went wrong (ref ${ref}). Nothing was changed by the part that failed; please try again, and quote the ref if it keeps happening.`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
