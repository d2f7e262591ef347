import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../core/index';
import { issueText, orderFormErrors, validationText } from './field-errors';

describe('core refusals in a modal', () => {
  it('puts each attribute issue under its input, without the attribute name the label already gives', () => {
    const err = new CoreError('VALIDATION_FAILED', {
      issues: [
        'Phone.macAddress: MAC address must be 12 hexadecimal characters (0-9, A-F); got 11',
        'Voicemail.alias: too long',
        'Line.directoryNumber: digits only',
      ],
    });
    expect(orderFormErrors(err)).toEqual({
      macAddress: 'MAC address must be 12 hexadecimal characters (0-9, A-F); got 11',
      voicemailAlias: 'too long',
      directoryNumber: 'digits only',
    });
  });

  it('puts issues about no form field under the product, whole, and several under one input together', () => {
    const err = new CoreError('VALIDATION_FAILED', {
      issues: [
        'Phone.ringTone: not an attribute of Phone',
        'the order needs a Line first',
        'Line.displayName: a',
        'Voicemail.displayName: b',
      ],
    });
    expect(orderFormErrors(err)).toEqual({
      orderable: 'Phone.ringTone: not an attribute of Phone the order needs a Line first',
      displayName: 'a b',
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

  it('shows every issue of a one-input modal under it, and leaves text without a name as it is', () => {
    expect(
      validationText(
        new CoreError('VALIDATION_FAILED', { issues: ['macAddress: MAC address must be 12 hexadecimal characters (0-9, A-F); got 4'] }),
      ),
    ).toBe('MAC address must be 12 hexadecimal characters (0-9, A-F); got 4');
    expect(issueText("sam@x.example is not in provbot's directory, so could not act on this Assignment")).toEqual({
      key: null,
      text: "sam@x.example is not in provbot's directory, so could not act on this Assignment",
    });
  });
});
