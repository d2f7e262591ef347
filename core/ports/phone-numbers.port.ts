/**
 * Phone number rules (numbering plans per country) live in a library the core may not
 * import (libphonenumber-js): the adapter answers whether a number is a valid E.164
 * number of the given country.
 */
export type PhoneNumberCheck = { ok: true; e164: string } | { ok: false; reason: string };

export interface PhoneNumbers {
  /** `number` as typed; `country` ISO 3166 alpha-2. `reason` is one plain sentence. */
  check(number: string, country: string): PhoneNumberCheck;
}
