import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../core/index';
import { orderFormErrors, validationText } from './field-errors';

const MAC = 'Must be 12 hexadecimal digits (0-9, A-F), like 00:1A:2B:3C:4D:5E; this has 11.';

describe('core refusals in a modal', () => {
  it('puts each problem under the input of its field, in its own words (the label above says which)', () => {
    const err = new CoreError('VALIDATION_FAILED', {
      fields: [
        { field: 'macAddress', message: MAC },
        { field: 'alias', message: 'Too long.' },
        { field: 'directoryNumber', message: 'Digits only.' },
      ],
    });
    expect(orderFormErrors(err)).toEqual({ macAddress: MAC, voicemailAlias: 'Too long.', directoryNumber: 'Digits only.' });
  });

  it('puts problems of fields the form lacks under the product, by their label, and several under one input together', () => {
    const err = new CoreError('VALIDATION_FAILED', {
      fields: [
        { field: 'attributes', message: '"ringTone" is not an attribute of Phone.' },
        { field: 'parentProductId', message: 'Name the one it goes on.' },
        { field: 'displayName', message: 'A.' },
        { field: 'displayName', message: 'B.' },
      ],
    });
    expect(orderFormErrors(err)).toEqual({
      orderable: 'Product attributes: "ringTone" is not an attribute of Phone. Goes on product: Name the one it goes on.',
      displayName: 'A. B.',
    });
  });

  it('puts an unknown subscriber or a missing role under the login, and other refusals under the product', () => {
    expect(orderFormErrors(new CoreError('SUBSCRIBER_NOT_FOUND', { login: 'nobody' }))).toEqual({
      subscriberLogin: expect.stringContaining('nobody'),
    });
    expect(
      orderFormErrors(new CoreError('NOT_AUTHORIZED', { action: 'order for jdoe', reason: 'it needs the Ordering role in acme.example' })),
    ).toEqual({
      subscriberLogin: "You can't order for jdoe: it needs the Ordering role in acme.example.",
    });
    expect(Object.keys(orderFormErrors(new CoreError('DEPENDENCY_MISSING', { product: 'Voicemail', requires: ['Line'] })))).toEqual([
      'orderable',
    ]);
  });

  it("shows a one-input modal's own problem in its words, another field's by its label", () => {
    const err = new CoreError('VALIDATION_FAILED', {
      fields: [
        { field: 'macAddress', message: MAC },
        { field: 'request', message: 'Something about the whole.' },
        { field: 'delegateTo', message: 'Give an email address or a group (role) name.' },
      ],
    });
    expect(validationText(err, 'mac-address')).toBe(
      `${MAC} Something about the whole. Delegate to: Give an email address or a group (role) name.`,
    );
    expect(validationText(err, 'delegate-to')).toMatch(/^MAC address: Must be 12 .* Give an email address or a group \(role\) name\.$/);
  });
});
