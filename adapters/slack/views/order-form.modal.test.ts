import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { ORDER_FORM, parseOrderForm } from '../../presenters/order-form';
import { ORDER_FORM_CALLBACK, orderFormModal, orderFormValues } from './order-form.modal';

const inputs = (view: types.ModalView) => view.blocks as types.InputBlock[];
const byId = (view: types.ModalView, id: string) => inputs(view).find((b) => b.block_id === id)!;

/** view_submission's state.values as Slack fills them for each element type. */
function submitted(
  typed: Record<string, { value?: string | null; selected_date?: string | null; selected_option?: { value: string } | null }>,
) {
  const values: Record<string, Record<string, unknown>> = {};
  for (const f of ORDER_FORM.fields) values[f.id] = { value: { type: 'x', value: null, ...(typed[f.id] ?? {}) } };
  return { ...orderFormModal(), id: 'V1', state: { values } };
}

describe('the order form modal', () => {
  it('has one input per form field, under the field id, required ones not marked optional', () => {
    const view = orderFormModal();
    expect(view).toMatchObject({
      type: 'modal',
      callback_id: ORDER_FORM_CALLBACK,
      title: { text: 'New order' },
      submit: { text: 'Place order' },
    });
    expect(inputs(view).map((b) => [b.block_id, b.optional])).toEqual(ORDER_FORM.fields.map((f) => [f.id, !f.required]));
    expect(view.title.text.length).toBeLessThanOrEqual(24);
  });

  it('offers the catalog as a select, the delivery date as a date picker, and prefills the login when given', () => {
    const view = orderFormModal({ subscriberLogin: 'jdoe' });
    const orderable = byId(view, 'orderable').element as types.StaticSelect;
    expect(orderable.type).toBe('static_select');
    expect(orderable.options?.map((o) => o.value)).toContain('Enhanced Phone Service');
    expect(orderable.options?.map((o) => o.value)).toContain('Phone');
    expect(orderable.options!.length).toBeLessThanOrEqual(100);
    expect(byId(view, 'requestedDeliveryDate').element.type).toBe('datepicker');
    expect(byId(view, 'subscriberLogin').element).toMatchObject({ type: 'plain_text_input', initial_value: 'jdoe', max_length: 64 });
    expect(byId(orderFormModal(), 'subscriberLogin').element).not.toHaveProperty('initial_value');
    expect(byId(view, 'macAddress').hint?.text).toContain('12 hexadecimal characters');
  });

  it('reads typed text, the selected option and the picked date back by field id, leaving out empty inputs', () => {
    const values = orderFormValues(
      submitted({
        subscriberLogin: { value: 'jdoe' },
        orderable: { selected_option: { value: 'Enhanced Phone Service' } },
        requestedDeliveryDate: { selected_date: '2026-12-01' },
        phoneType: { selected_option: { value: '7945' } },
        macAddress: { value: '00aabbccddee' },
        displayName: { value: '' },
      }),
    );
    expect(values).toEqual({
      subscriberLogin: 'jdoe',
      orderable: 'Enhanced Phone Service',
      requestedDeliveryDate: '2026-12-01',
      phoneType: '7945',
      macAddress: '00aabbccddee',
    });
    expect(parseOrderForm(values)).toMatchObject({
      ok: true,
      order: {
        subscriberLogin: 'jdoe',
        orderable: 'Enhanced Phone Service',
        attributes: { Phone: { phoneType: '7945', macAddress: '00AABBCCDDEE' } },
      },
    });
  });

  it('gives problems keyed by the block ids of the modal, so Slack can show them under each input', () => {
    const problems = parseOrderForm(
      orderFormValues(submitted({ orderable: { selected_option: { value: 'Phone' } }, macAddress: { value: '00AABB' } })),
    );
    expect(problems.ok).toBe(false);
    const blockIds = inputs(orderFormModal()).map((b) => b.block_id);
    if (!problems.ok) for (const id of Object.keys(problems.problems)) expect(blockIds).toContain(id);
    expect(problems).toMatchObject({
      ok: false,
      problems: { subscriberLogin: expect.any(String), macAddress: expect.stringContaining('12 hexadecimal') },
    });
  });
});
