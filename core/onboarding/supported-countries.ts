import { COUNTRIES } from '../countries/countries';

/**
 * Where Webex for Wholesale provisions customers: the headquarters country of a new
 * customer must be one of these (seed: "If the headquarters are in a Webex supported
 * location, click the I verify that this customer is in a Cisco Webex supported
 * location check box"). The column `customerLocation` of the one country table
 * (core/countries/countries.ts), by code.
 */
export const SUPPORTED_COUNTRIES: Readonly<Record<string, string>> = Object.fromEntries(
  COUNTRIES.filter((c) => c.customerLocation)
    .map((c) => [c.code, c.name])
    .sort(([a], [b]) => (a! < b! ? -1 : 1)),
);

/** Null when Webex for Wholesale serves the country; else why not, in one sentence. */
export function countryRefusal(country: string): string | null {
  if (!/^[A-Z]{2}$/.test(country)) return 'The country must be a two-letter ISO 3166 code, such as US or GB.';
  if (SUPPORTED_COUNTRIES[country]) return null;
  return `Webex for Wholesale cannot create customers headquartered in ${country}: it is not one of the supported countries (${Object.keys(SUPPORTED_COUNTRIES).join(', ')}).`;
}

export function isSupportedCountry(code: string): boolean {
  return Object.hasOwn(SUPPORTED_COUNTRIES, code.toUpperCase());
}

/** Why a country is refused, in words a partner understands (the backends' precheck says the same). */
export function unsupportedCountryReason(code: string): string {
  return countryRefusal(code.toUpperCase()) ?? `${code} is a supported country.`;
}
