import type { CoreError, FieldKey } from '../../../core/index';
import { problemsByInput, problemText, underInput } from '../../presenters/field-problems';
import type { OrderFormFieldId } from '../../presenters/order-form';
import { orderFormInputOf } from '../../presenters/order-form';
import { userMessage } from '../../presenters/user-messages';
import type { ActivityInputSubmission } from './activity-input.modal';

/** Slack shows an input's error in a line or two; longer text is cut. */
const ERROR_MAX = 1000;
const clipError = (text: string) => (text.length <= ERROR_MAX ? text : `${text.slice(0, ERROR_MAX - 1)}…`);

/** The core's field each activity input modal asks for. */
const FIELD_OF_INPUT: Record<ActivityInputSubmission['meta']['input'], FieldKey> = {
  'mac-address': 'macAddress',
  'delegate-to': 'delegateTo',
  'reject-reason': 'reason',
};

/** A VALIDATION_FAILED for a one-input modal: every problem, under that input (another field's by its label). */
export function validationText(err: CoreError<'VALIDATION_FAILED'>, input: ActivityInputSubmission['meta']['input']): string {
  return clipError(underInput(err.details.fields, FIELD_OF_INPUT[input]));
}

/**
 * Where in the order form a refusal of the core belongs: a field's problem under its
 * input, an unknown subscriber or a missing right under the login, anything else about
 * the order (dependencies, a product with an order running, a field the form lacks)
 * under "Product or bundle", by its label.
 */
export function orderFormErrors(err: CoreError): Partial<Record<OrderFormFieldId, string>> {
  if (err.is('VALIDATION_FAILED')) {
    const { byInput, rest } = problemsByInput(err.details.fields, orderFormInputOf);
    const errors = { ...byInput };
    if (rest.length) errors.orderable = [errors.orderable, ...rest.map(problemText)].filter(Boolean).join(' ');
    return Object.fromEntries(Object.entries(errors).map(([id, text]) => [id, clipError(text as string)]));
  }
  const id: OrderFormFieldId = err.is('SUBSCRIBER_NOT_FOUND') || err.is('NOT_AUTHORIZED') ? 'subscriberLogin' : 'orderable';
  return { [id]: clipError(userMessage(err)) };
}
