import { describe, expect, it } from 'vitest';
import { ORDER_FORM, parseOrderForm } from './order-form';

describe('the order form', () => {
  it('describes its fields with ids, labels, required flags and choices', () => {
    expect(ORDER_FORM.fields.map((f) => f.id)).toEqual([
      'subscriberLogin',
      'orderable',
      'requestedDeliveryDate',
      'phoneType',
      'macAddress',
      'deviceName',
      'lineType',
      'directoryNumber',
      'displayName',
      'voicemailAlias',
      'emailId',
    ]);
    expect(ORDER_FORM.fields.filter((f) => f.required).map((f) => f.id)).toEqual(['subscriberLogin', 'orderable']);
    const orderable = ORDER_FORM.fields.find((f) => f.id === 'orderable')!;
    expect(orderable.choices?.slice(0, 3)).toEqual(['Enhanced Phone Service', 'Phone Service', 'Messaging Service']);
    expect(orderable.choices).toContain('Line on a Shared Phone');
    expect(ORDER_FORM.fields.find((f) => f.id === 'lineType')?.choices).toEqual(['Auto-assigned', 'Chosen Line']);
    // Slack: static_select option text at most 75 characters, at most 100 options.
    for (const f of ORDER_FORM.fields) expect((f.choices ?? []).every((c) => c.length <= 75) && (f.choices ?? []).length <= 100).toBe(true);
  });

  it('turns a submission into the order, each basic field on the products of the orderable that have it', () => {
    const r = parseOrderForm({
      subscriberLogin: ' jdoe ',
      orderable: 'Messaging Service',
      requestedDeliveryDate: '2026-12-01',
      phoneType: '7945',
      macAddress: '00:aa:bb:cc:dd:ee',
      lineType: 'Chosen Line',
      directoryNumber: '5001',
      displayName: 'Jane Doe',
      voicemailAlias: 'jdoe',
      emailId: 'jane.doe',
      deviceName: '',
    });
    expect(r).toEqual({
      ok: true,
      order: {
        subscriberLogin: 'jdoe',
        orderable: 'Messaging Service',
        requestedDeliveryDate: '2026-12-01',
        attributes: {
          Phone: { phoneType: '7945', macAddress: '00AABBCCDDEE' },
          Line: { lineType: 'Chosen Line', directoryNumber: '5001', displayName: 'Jane Doe' },
          Voicemail: { displayName: 'Jane Doe', alias: 'jdoe' },
          Email: { displayName: 'Jane Doe', emailId: 'jane.doe' },
        },
      },
    });
  });

  it('needs only a login and an orderable', () => {
    expect(parseOrderForm({ subscriberLogin: 'jdoe', orderable: 'unified messaging' })).toEqual({
      ok: true,
      order: { subscriberLogin: 'jdoe', orderable: 'Unified Messaging', attributes: {} },
    });
  });

  it('keys every problem by the field it is about', () => {
    const r = parseOrderForm({
      subscriberLogin: '',
      orderable: 'Enhanced Phone Service',
      requestedDeliveryDate: '1/12/2026',
      macAddress: '00AABBCCDD',
      directoryNumber: '50-01',
      lineType: 'Chosen Line',
      emailId: 'x',
      phoneType: '9999',
    });
    expect(r).toEqual({
      ok: false,
      problems: {
        subscriberLogin: 'Enter the login of the subscriber the order is for.',
        requestedDeliveryDate: 'Dates are YYYY-MM-DD.',
        phoneType: '"9999" is not a phone type; choose one of the list.',
        macAddress: 'Must be 12 hexadecimal digits (0-9, A-F), like 00:1A:2B:3C:4D:5E; this has 10.',
        directoryNumber: 'A directory number is digits only, without dashes or spaces.',
        emailId: 'Email ID is not part of Enhanced Phone Service; leave it empty.',
      },
    });
  });

  it.each([
    [{ orderable: 'Fax Service' }, 'orderable', '"Fax Service" is not something you can order.'],
    [{ orderable: '' }, 'orderable', 'Choose what to order.'],
    [{ orderable: 'Line', lineType: 'Chosen Line' }, 'directoryNumber', 'A Chosen Line needs a directory number.'],
    [
      { orderable: 'Line', lineType: 'Auto-assigned', directoryNumber: '5001' },
      'directoryNumber',
      'An auto-assigned line gets its number from the system: leave this empty, or choose Chosen Line.',
    ],
    [{ orderable: 'Email', emailId: 'jane doe' }, 'emailId', 'An email ID cannot contain spaces.'],
    [
      { orderable: 'Phone', subscriberLogin: 'j doe' },
      'subscriberLogin',
      'A login is letters, digits, dot, dash, underscore and @ (at most 64).',
    ],
  ])('%o: %s', (values, field, problem) => {
    const r = parseOrderForm({ subscriberLogin: 'jdoe', ...values });
    expect(r.ok ? null : r.problems[field as keyof typeof r.problems]).toBe(problem);
  });

  it('ignores the line type left at its default (Auto-assigned) for a product without a line, and refuses another choice', () => {
    const phone = parseOrderForm({ subscriberLogin: 'jdoe', orderable: 'Phone', phoneType: '7945', lineType: 'Auto-assigned' });
    expect(phone).toEqual({
      ok: true,
      order: { subscriberLogin: 'jdoe', orderable: 'Phone', attributes: { Phone: { phoneType: '7945' } } },
    });
    const chosen = parseOrderForm({ subscriberLogin: 'jdoe', orderable: 'Phone', phoneType: '7945', lineType: 'Chosen Line' });
    expect(chosen).toEqual({ ok: false, problems: { lineType: 'Line type is not part of Phone; leave it empty.' } });
  });
});
