import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { OrderFormField, OrderFormFieldId } from '../../presenters/order-form';
import { ORDER_FORM } from '../../presenters/order-form';
import { clip } from '../blocks/block-kit-limits';

/** The callback_id of the `/prov order` modal. */
export const ORDER_FORM_CALLBACK = 'order.form';
/** Each input's action_id; its block_id is the form field id, so errors land under it. */
const VALUE_ACTION = 'value';

/** Slack's limits for what a modal shows (https://docs.slack.dev/reference/views/modal-views). */
const TEXT_MAX = { title: 24, button: 24, label: 2000, hint: 2000, placeholder: 150, option: 75 } as const;

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: clip(text, max) });

/**
 * The order form (adapters/presenters/order-form.ts) as a modal: a text box, a select
 * (starting at the field's default) or a date picker per field, each with its hint,
 * optional ones marked so by Slack. `subscriberLogin`
 * prefills the login (`/prov order jdoe`).
 */
export function orderFormModal(o: { subscriberLogin?: string } = {}): types.ModalView {
  return {
    type: 'modal',
    callback_id: ORDER_FORM_CALLBACK,
    title: plain(ORDER_FORM.title, TEXT_MAX.title),
    submit: plain(ORDER_FORM.submitLabel, TEXT_MAX.button),
    close: plain('Cancel', TEXT_MAX.button),
    blocks: ORDER_FORM.fields.map((f) => inputBlock(f, f.id === 'subscriberLogin' ? o.subscriberLogin : undefined)),
  };
}

function inputBlock(field: OrderFormField, initial: string | undefined): types.InputBlock {
  return {
    type: 'input',
    block_id: field.id,
    optional: !field.required,
    label: plain(field.label, TEXT_MAX.label),
    ...(field.hint ? { hint: plain(field.hint, TEXT_MAX.hint) } : {}),
    element: element(field, initial),
  };
}

function element(field: OrderFormField, initial: string | undefined): types.InputBlock['element'] {
  const placeholder = field.placeholder ? { placeholder: plain(field.placeholder, TEXT_MAX.placeholder) } : {};
  if (field.type === 'date') return { type: 'datepicker', action_id: VALUE_ACTION, ...placeholder };
  if (field.type === 'choice') {
    const options = (field.choices ?? []).map((c) => ({ text: plain(c, TEXT_MAX.option), value: c }));
    const initialOption = options.find((o) => o.value === field.initial);
    return {
      type: 'static_select',
      action_id: VALUE_ACTION,
      options,
      ...(initialOption ? { initial_option: initialOption } : {}),
      ...placeholder,
    };
  }
  return {
    type: 'plain_text_input',
    action_id: VALUE_ACTION,
    max_length: field.maxLength,
    ...(initial ? { initial_value: initial } : {}),
    ...placeholder,
  };
}

/** What one input holds in view_submission's state.values, by element type. */
const ZInputState = z
  .object({
    value: z.string().nullish(),
    selected_date: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
  })
  .passthrough();
const ZState = z.object({ state: z.object({ values: z.record(z.record(ZInputState)) }) });

/** The submitted values by field id, as parseOrderForm takes them; empty inputs are absent. */
export function orderFormValues(view: unknown): Partial<Record<OrderFormFieldId, string>> {
  const { values } = ZState.parse(view).state;
  const out: Partial<Record<OrderFormFieldId, string>> = {};
  for (const field of ORDER_FORM.fields) {
    const input = values[field.id]?.[VALUE_ACTION];
    const value = input?.value ?? input?.selected_date ?? input?.selected_option?.value ?? undefined;
    if (value !== undefined && value !== '') out[field.id] = value;
  }
  return out;
}
