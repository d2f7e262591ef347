import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../core/index';
import { placeProblems } from './submit-order-form.action';

describe('placeProblems', () => {
  it('puts a catalog issue under the field it names, the rest above the form', () => {
    const err = new CoreError('VALIDATION_FAILED', {
      issues: [
        'Phone.deviceName: must match the username',
        'Voicemail.alias: too long',
        'Line: this order has no Line (it provisions Phone)',
      ],
    });
    const { problems, notice } = placeProblems(err);
    expect(problems).toEqual({ deviceName: 'Must match the username', voicemailAlias: 'Too long' });
    expect(notice).toContain('Line: this order has no Line');
    expect(notice).not.toContain('deviceName');
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
