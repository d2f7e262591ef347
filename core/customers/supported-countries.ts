/**
 * The countries a customer's headquarters may be in (ISO 3166 alpha-2, with the name
 * shown to people). Data, not logic: the core refuses other countries before asking the
 * backend, and the embedded simulator's precheck refuses them the way Webex does.
 * Seed (Partner Hub, "Create Customer"): "If the headquarters are in a Webex supported
 * location, click the I verify that this customer is in a Cisco Webex supported location
 * check box." Keep this list in line with the countries your Wholesale subscription covers.
 */
export const SUPPORTED_COUNTRIES: Readonly<Record<string, string>> = {
  US: 'the United States',
  CA: 'Canada',
  GB: 'the United Kingdom',
  IE: 'Ireland',
  AU: 'Australia',
  NZ: 'New Zealand',
  DE: 'Germany',
  FR: 'France',
  NL: 'the Netherlands',
  BE: 'Belgium',
  AT: 'Austria',
  CH: 'Switzerland',
  IT: 'Italy',
  ES: 'Spain',
  PT: 'Portugal',
  DK: 'Denmark',
  SE: 'Sweden',
  NO: 'Norway',
  FI: 'Finland',
  JP: 'Japan',
  SG: 'Singapore',
};

export function isSupportedCountry(code: string): boolean {
  return Object.hasOwn(SUPPORTED_COUNTRIES, code.toUpperCase());
}

/** Why a country is refused, in words a partner understands. */
export function unsupportedCountryReason(code: string): string {
  return `Webex Wholesale customers cannot be created in the country with code ${code.toUpperCase()}: it is not a supported location.`;
}
