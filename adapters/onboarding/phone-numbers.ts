import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import type { PhoneNumberCheck, PhoneNumbers } from '../../core/index';

/** E.164: a plus, then up to 15 digits, the first not 0 (ITU-T E.164). */
const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * Phone numbers checked with libphonenumber-js (Google's libphonenumber metadata, the
 * "max" set so a number must belong to an allocated range, not merely have the right length).
 */
export const libPhoneNumbers: PhoneNumbers = {
  check(number: string, country: string): PhoneNumberCheck {
    const text = number.trim();
    if (!E164.test(text)) {
      return {
        ok: false,
        reason: 'The phone number must be in E.164 form: a plus, the country code and the number, digits only, such as +14155550123.',
      };
    }
    const parsed = parsePhoneNumberFromString(text, country.toUpperCase() as CountryCode);
    if (!parsed?.isValid()) return { ok: false, reason: `${text} is not a valid phone number.` };
    if (parsed.country !== country.toUpperCase()) {
      return { ok: false, reason: `${text} is not a number of the location's country (${country.toUpperCase()}).` };
    }
    return { ok: true, e164: parsed.number };
  },
};
