import { describe, expect, it } from 'vitest';
import { libPhoneNumbers } from './phone-numbers';

describe('libPhoneNumbers', () => {
  it('accepts a valid E.164 number of the country', () => {
    expect(libPhoneNumbers.check('+33142685300', 'FR')).toEqual({ ok: true, e164: '+33142685300' });
    expect(libPhoneNumbers.check('+12015550123', 'us')).toEqual({ ok: true, e164: '+12015550123' });
  });

  it('refuses a number not in E.164 form, an invalid one, and one of another country, in words', () => {
    expect(libPhoneNumbers.check('01 42 68 53 00', 'FR')).toMatchObject({ ok: false, reason: expect.stringContaining('E.164') });
    expect(libPhoneNumbers.check('+3314', 'FR')).toMatchObject({ ok: false, reason: '+3314 is not a valid phone number.' });
    expect(libPhoneNumbers.check('+33142685300', 'US')).toMatchObject({
      ok: false,
      reason: expect.stringContaining("location's country (US)"),
    });
  });
});
