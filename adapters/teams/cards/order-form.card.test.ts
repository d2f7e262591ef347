import { describe, expect, it } from 'vitest';
import { ORDER_FORM } from '../../presenters/order-form';
import { expectValidCard } from '../../../test/e2e/teams/expect-valid-card';
import { orderFormValues, renderOrderFormCard } from './order-form.card';

const inputs = (card: any): any[] => card.body.filter((e: any) => e.type.startsWith('Input.'));

describe('renderOrderFormCard', () => {
  it('has one input per form field, under the field id, choices as drop-downs, and Place order as order.submit with no style (Teams documents none for bot cards)', () => {
    const card = renderOrderFormCard();
    expectValidCard(card);
    expect(inputs(card).map((i) => i.id)).toEqual(ORDER_FORM.fields.map((f) => f.id));
    expect(inputs(card).find((i) => i.id === 'orderable')).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact', isRequired: true });
    expect(inputs(card).find((i) => i.id === 'orderable').choices).toContainEqual({
      title: 'Enhanced Phone Service',
      value: 'Enhanced Phone Service',
    });
    expect(inputs(card).find((i) => i.id === 'subscriberLogin')).toMatchObject({
      type: 'Input.Text',
      label: 'Subscriber login',
      isRequired: true,
    });
    expect(inputs(card).find((i) => i.id === 'macAddress').isRequired).toBeUndefined();
    expect(card.actions).toEqual([{ type: 'Action.Execute', title: 'Place order', verb: 'order.submit', data: {} }]);
    expect(JSON.stringify(card)).not.toContain('Attention');
  });

  it('keeps what was typed and shows each problem right under its input', () => {
    const values = { subscriberLogin: 'jdoe', orderable: 'enhanced phone service', macAddress: '00AABBCCDDE', phoneType: 'not a phone' };
    const card = renderOrderFormCard({
      values,
      problems: { macAddress: 'Must be 12 hexadecimal digits (0-9, A-F), like 00:1A:2B:3C:4D:5E; this has 11.' },
    });
    expectValidCard(card);
    const byId = Object.fromEntries(inputs(card).map((i) => [i.id, i]));
    expect(byId.subscriberLogin.value).toBe('jdoe');
    expect(byId.orderable.value).toBe('Enhanced Phone Service');
    expect(byId.macAddress.value).toBe('00AABBCCDDE');
    expect(byId.phoneType.value).toBeUndefined(); // not a choice: a drop-down cannot show it
    const mac = card.body.findIndex((e: any) => e.id === 'macAddress');
    const after = card.body.slice(mac + 1, mac + 3);
    expect(after).toContainEqual(
      expect.objectContaining({
        type: 'TextBlock',
        color: 'Attention',
        text: 'Must be 12 hexadecimal digits (0-9, A-F), like 00:1A:2B:3C:4D:5E; this has 11.',
      }),
    );
  });

  it('says above the form what belongs to no field', () => {
    const card = renderOrderFormCard({ notice: "You can't place orders in acme.example." });
    expectValidCard(card);
    expect(card.body[0]).toMatchObject({ color: 'Attention', text: "You can't place orders in acme.example." });
  });
});

describe('orderFormValues', () => {
  it('takes the text values of the form fields and nothing else', () => {
    expect(orderFormValues({ subscriberLogin: 'jdoe', orderable: 'Phone', macAddress: 7, extra: 'x' })).toEqual({
      subscriberLogin: 'jdoe',
      orderable: 'Phone',
    });
    expect(orderFormValues(null)).toEqual({});
    expect(orderFormValues('x')).toEqual({});
  });
});
