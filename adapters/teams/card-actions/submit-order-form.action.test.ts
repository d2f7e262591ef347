import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../core/index';
import { placeProblems } from './submit-order-form.action';

describe('placeProblems', () => {
  it('puts each problem under the input of its field, and a field the form lacks above it by its label', () => {
    const err = new CoreError('VALIDATION_FAILED', {
      fields: [
        { field: 'deviceName', message: 'Must match the username.' },
        { field: 'alias', message: 'Too long.' },
        { field: 'attributes', message: 'This order has no Line (it provisions Phone).' },
      ],
    });
    const { problems, notice } = placeProblems(err);
    expect(problems).toEqual({ deviceName: 'Must match the username.', voicemailAlias: 'Too long.' });
    expect(notice).toBe('Product attributes: This order has no Line (it provisions Phone).');
  });

  it('puts an unknown subscriber under the login and a missing dependency under the product', () => {
    expect(Object.keys(placeProblems(new CoreError('SUBSCRIBER_NOT_FOUND', { login: 'nobody' })).problems)).toEqual(['subscriberLogin']);
    expect(Object.keys(placeProblems(new CoreError('DEPENDENCY_MISSING', { product: 'Voicemail', requires: ['Line'] })).problems)).toEqual([
      'orderable',
    ]);
  });

  it('says any other refusal above the form', () => {
    const r = placeProblems(
      new CoreError('NOT_AUTHORIZED', { action: 'place orders in acme.example', reason: 'you hold no Ordering role there' }),
    );
    expect(r).toEqual({ problems: {}, notice: "You can't place orders in acme.example: you hold no Ordering role there." });
  });
});
