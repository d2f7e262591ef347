import type { OrderFormField, OrderFormFieldId } from '../../presenters/order-form';
import { ORDER_FORM } from '../../presenters/order-form';
import type { AdaptiveCard, CardElement, InputChoiceSet, InputDate, InputText } from './adaptive-card';
import { ADAPTIVE_CARD_SCHEMA } from './adaptive-card';
import { problemText } from './action-inputs';
import { cardText } from './card-text';
import { fieldHint, formHeader } from './form-card-parts';

export type OrderFormValues = Partial<Record<OrderFormFieldId, string>>;
export type OrderFormProblems = Partial<Record<OrderFormFieldId, string>>;

/**
 * The `order` form as a card: one input per field of the chat presenter's form (ids are
 * the field ids, so the invoke's data is what parseOrderForm takes), each field's hint
 * and, after a refused submit, its problem under it, with what was typed kept.
 * Input.ChoiceSet in its compact style is a drop-down. https://adaptivecards.io/explorer/Input.ChoiceSet.html
 */
export function renderOrderFormCard(o: { values?: OrderFormValues; problems?: OrderFormProblems; notice?: string } = {}): AdaptiveCard {
  const body: CardElement[] = [
    ...formHeader(ORDER_FORM.title, o.notice),
    { type: 'TextBlock', text: cardText(INTRO), wrap: true, isSubtle: true },
  ];
  for (const field of ORDER_FORM.fields) body.push(...fieldElements(field, o.values?.[field.id], o.problems?.[field.id]));
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    body,
    actions: [{ type: 'Action.Execute', title: ORDER_FORM.submitLabel, verb: 'order.submit', data: {} }],
    fallbackText: `${ORDER_FORM.title}: this form needs a Teams client that shows Adaptive Cards. You can also type the order in one line; "help" shows how.`,
    msteams: { width: 'Full' },
  };
}

const INTRO = 'Who the order is for and what to order; the other fields are for the products named under them, and may stay empty.';

function fieldElements(field: OrderFormField, value: string | undefined, problem: string | undefined): CardElement[] {
  const input =
    field.type === 'choice' ? choiceInput(field, value) : field.type === 'date' ? dateInput(field, value) : textInput(field, value);
  const hint = fieldHint(field.hint);
  return [input, ...hint, ...(problem ? [problemText(problem)] : [])];
}

function textInput(field: OrderFormField, value: string | undefined): InputText {
  return {
    type: 'Input.Text',
    id: field.id,
    label: field.label,
    maxLength: field.maxLength,
    ...(field.placeholder ? { placeholder: field.placeholder } : {}),
    ...(field.required ? { isRequired: true, errorMessage: `${field.label} is required.` } : {}),
    ...(value ? { value: value.slice(0, field.maxLength) } : {}),
  };
}

/** A date picker; a value typed before a refused submit is kept only if it is a YYYY-MM-DD date, as Input.Date requires. */
function dateInput(field: OrderFormField, value: string | undefined): InputDate {
  const kept = value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  return { type: 'Input.Date', id: field.id, label: field.label, ...(kept ? { value: kept } : {}) };
}

/** A drop-down starting at what was chosen before a refused submit, else at the field's default. */
function choiceInput(field: OrderFormField, value: string | undefined): InputChoiceSet {
  const choices = (field.choices ?? []).map((c) => ({ title: c, value: c }));
  const kept = choices.find((c) => c.value.toLowerCase() === (value ?? field.initial)?.toLowerCase())?.value;
  return {
    type: 'Input.ChoiceSet',
    id: field.id,
    label: field.label,
    style: 'compact',
    choices,
    placeholder: field.required ? 'Choose one' : 'None',
    ...(field.required ? { isRequired: true, errorMessage: `${field.label} is required.` } : {}),
    ...(kept ? { value: kept } : {}),
  };
}

/** The submitted values of the form's fields; anything else in the invoke's data is ignored. */
export function orderFormValues(data: unknown): OrderFormValues {
  const values: OrderFormValues = {};
  if (typeof data !== 'object' || data === null) return values;
  for (const field of ORDER_FORM.fields) {
    const v: unknown = (data as Record<string, unknown>)[field.id];
    if (typeof v === 'string') values[field.id] = v.slice(0, 500);
  }
  return values;
}
