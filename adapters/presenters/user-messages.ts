import type { CoreError, CoreErrorCode, CoreErrorDetails } from '../../core/index';
import { formatMinutes } from './durations';
import { problemText } from './field-problems';
import { formatInstant, listLines } from './view';

/**
 * The words a user sees for each core error. A new CoreErrorCode does not compile
 * until it has an entry here. Raw error messages never reach a user.
 */
export const USER_MESSAGES: { [C in CoreErrorCode]: (d: CoreErrorDetails[C]) => string } = {
  ORDER_NOT_FOUND: (d) => `I can't find order ${d.orderNumber}. Check the number on the order confirmation.`,
  LINE_NOT_FOUND: (d) => `Order ${d.orderNumber} has no ${listLines(d.lineNumbers)}; its lines are ${d.existing.join(', ')}.`,
  // "Once the organization is onboarded, you cannot resend the provisioning email. Either
  // provisioning contact or admin can complete the service set up by logging into" (seed).
  PAST_PONR: (d) =>
    `${capitalize(listLines(d.lineNumbers))} of order ${d.orderNumber} ${d.lineNumbers.length === 1 ? 'is' : 'are'} past the point of no return: ` +
    `the customer organization is already onboarded, so the provisioning email can no longer be resent or sent to a new contact. ` +
    `The provisioning contact or an admin can complete the service setup by signing in at ${d.adminPortalUrl}. ` +
    offerCase(d.orderNumber),
  NOT_AUTHORIZED: (d) => `You can't ${d.action}: ${d.reason}.`,
  ADMIN_APPROVAL_REQUESTED: (d) =>
    d.state === 'sent'
      ? `You need the Administrator role in ${d.domain} to ${d.action}; I've asked its administrators (${d.administrators.join(', ')}) and will tell you their answer.`
      : `You need the Administrator role in ${d.domain} to ${d.action}; your request to its administrators (${d.administrators.join(', ')}) is still open, so I did not ask again.`,
  INVALID_STATE: (d) => `That can't be done now: ${d.reason}.`,
  // The title above says something went wrong: the problems alone, each by its field's label.
  VALIDATION_FAILED: (d) => d.fields.map(problemText).join(' '),
  CONFLICT: (d) => `That conflicts with what is already there: ${d.reason}.`,
  ALREADY_DECIDED: (d) =>
    `Already ${d.decision.toLowerCase()} by ${d.decidedBy} at ${formatInstant(d.decidedAt)}: nothing more to do here.`,
  REQUEST_NOT_FOUND: () => `I can't find that access request. It may have been removed; ask the requester to try again.`,
  DELIVERY_NOT_FOUND: (d) =>
    `No notice in the outbox has the id ${d.deliveryId}. "notify outbox" lists those given up on, each with its id.`,
  DELIVERY_FAILED: (d) => `I couldn't send ${d.what}: ${d.reason}.`,
  WORK_ORDER_NOT_FOUND: (d) => `I can't find work order ${d.orderNumber}. Check the number, or find it with "search login=<subscriber>".`,
  ACTIVITY_NOT_FOUND: () => `I can't find that activity. Its order may have ended; "activities" lists what is waiting for you.`,
  SUBSCRIBER_NOT_FOUND: (d) =>
    `I can't find a subscriber with the login ${d.login}. Check the spelling; logins are the ones in the subscriber record.`,
  PRODUCT_NOT_FOUND: (d) => `I can't find product ${d.productId}. "subscriber <login>" lists a subscriber's products with their ids.`,
  // "Product dependencies: Line requires an existing Phone. Voicemail and Email require an existing Line."
  DEPENDENCY_MISSING: (d) =>
    `${d.product} needs ${d.requires.map(withArticle).join(' and ')}: order ${d.requires.length === 1 ? withArticle(d.requires[0]!) : 'those'} first, or order a bundle that includes ${d.requires.length === 1 ? 'one' : 'them'}.`,
  DOMAIN_NOT_FOUND: (d) =>
    `I don't know the domain ${d.domain}: nobody in provbot's directory holds a role there. Check the spelling, or add its users first.`,
  RATE_LIMITED: (d) =>
    d.kind === 'accessRequests'
      ? `You've asked for access to orders many times in a short while. Please wait ${waitFor(d.retryAfterSeconds)} before asking again.`
      : `You're making changes faster than I accept from one person. Please wait ${waitFor(d.retryAfterSeconds)} and try again.`,
  TEMPLATE_NOT_FOUND: () => `I can't find that onboarding template. "templates" lists the templates of your domains.`,
  CUSTOMER_NOT_FOUND: () => `I can't find that customer. "customers" lists the customers of your domains.`,
  PROVISIONING_UNAVAILABLE: (d) =>
    `Webex could not take the request just now, so nothing was created. Please try again${d.retryAfterSeconds ? ` in ${waitFor(d.retryAfterSeconds)}` : ' in a few minutes'}.`,
  // "Log in to Customer Service Hub Portal. Search Provisioning Assistance. Click the Open a Case" (seeds).
  SUPPORT_NOT_CONFIGURED: (d) =>
    `provbot has no support address set up, so I can't open the case for you. Open it yourself ${d.supportUrl ? `at ${d.supportUrl}` : `in Cisco's Customer Service Hub portal`}: search for Provisioning Assistance, click Open a Case, and pick the type of request (Resend Provisioning Email or Change Provisioning Contact Email).`,
  STALE: (d) => `This card is out of date: order ${d.orderNumber} has changed since. Here it is as it stands now.`,
};

export function userMessage(err: CoreError): string {
  const render = USER_MESSAGES[err.code] as (d: unknown) => string;
  return render(err.details);
}

export function unexpectedMessage(ref: string): string {
  return `Something went wrong (ref ${ref}). Nothing was changed by the part that failed; please try again, and quote the ref if it keeps happening.`;
}

/** The seeds end with "open a case" when the partner still cannot act: every refusal that leaves them stuck says how. */
export const offerCase = (orderNumber: string) =>
  `If you are still stuck, open a support case: "case ${orderNumber} <what happened>" (add a line number to name one line).`;

const withArticle = (noun: string) => `${/^[aeio]/i.test(noun) ? 'an' : 'a'} ${noun}`;

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "about 40 seconds", "about 12 minutes", "about 1 hour". */
const waitFor = (seconds: number) =>
  seconds < 60 ? `about ${Math.max(1, seconds)} second${seconds === 1 ? '' : 's'}` : `about ${formatMinutes(Math.ceil(seconds / 60))}`;
