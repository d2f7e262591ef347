import type { CoreError } from '../../../core/index';
import type { OrderFormFieldId } from '../../presenters/order-form';
import { ORDER_FORM } from '../../presenters/order-form';
import { userMessage } from '../../presenters/user-messages';

/** Slack shows an input's error in a line or two; longer text is cut. */
const ERROR_MAX = 1000;
const clipError = (text: string) => (text.length <= ERROR_MAX ? text : `${text.slice(0, ERROR_MAX - 1)}…`);

/**
 * The core names the attribute an issue is about ("Phone.macAddress: MAC address must
 * be 12 hexadecimal characters …", "macAddress: …"); under an input that already
 * says "MAC address", the words after the name are enough.
 */
const ISSUE = /^(?:[A-Za-z ]+\.)?([A-Za-z]+): (.+)$/s;

export function issueText(issue: string): { key: string | null; text: string } {
  const m = ISSUE.exec(issue);
  return m ? { key: m[1]!, text: m[2]! } : { key: null, text: issue };
}

/** A VALIDATION_FAILED for a one-input modal: every issue, under that input. */
export function validationText(err: CoreError<'VALIDATION_FAILED'>): string {
  return clipError(err.details.issues.map((i) => issueText(i).text).join(' '));
}

/** Form fields whose id is not the catalog attribute they set. */
const FIELD_OF_ATTRIBUTE: Record<string, OrderFormFieldId> = { alias: 'voicemailAlias' };
const FIELD_IDS = new Set<string>(ORDER_FORM.fields.map((f) => f.id));

/**
 * Where in the order form a refusal of the core belongs: an attribute's issue under its
 * input, an unknown subscriber or a missing right under the login, anything else about
 * the order (dependencies, a product with an order running) under "Product or bundle".
 */
export function orderFormErrors(err: CoreError): Partial<Record<OrderFormFieldId, string>> {
  if (err.is('VALIDATION_FAILED')) {
    const errors: Partial<Record<OrderFormFieldId, string>> = {};
    for (const issue of err.details.issues) {
      const { key, text } = issueText(issue);
      const field = key ? (FIELD_OF_ATTRIBUTE[key] ?? (FIELD_IDS.has(key) ? (key as OrderFormFieldId) : null)) : null;
      const id = field ?? 'orderable';
      errors[id] = clipError(errors[id] ? `${errors[id]} ${field ? text : issue}` : field ? text : issue);
    }
    return errors;
  }
  const id: OrderFormFieldId = err.is('SUBSCRIBER_NOT_FOUND') || err.is('NOT_AUTHORIZED') ? 'subscriberLogin' : 'orderable';
  return { [id]: clipError(userMessage(err)) };
}
