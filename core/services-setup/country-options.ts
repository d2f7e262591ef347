/**
 * Where a contact centre tenant may be created, as data: country of operation →
 * region, data centre, default time zone and platforms; region → telephony options.
 * Seed (Control Hub, "Services setup wizard", step 4): "Webex Contact Center creates
 * the tenant in the appropriate data center based on the country of operation" and
 * "Based on the country of operation you choose, one or more Webex Contact Center
 * platform options are available". The data centre column follows Cisco's "Data
 * Locality in Webex Contact Center" article (not part of the seed): check it there
 * when a row is added. A country missing from this table is an incompatible location.
 */

export const REGIONS = ['North America', 'EMEA', 'LATAM', 'APJC', 'Gulf region', 'Southern Africa'] as const;
export type Region = (typeof REGIONS)[number];

export const PLATFORMS = {
  'webex-contact-center': 'Webex Contact Center',
  'webex-contact-center-enterprise': 'Webex Contact Center Enterprise',
} as const;
export type Platform = keyof typeof PLATFORMS;

/** The seed's telephony options; `cisco-pstn` is the add-on's own, applied by itself (never chosen). */
export const TELEPHONY = {
  'webex-calling': {
    label: 'Webex Calling-based agents and PSTN via Webex Calling (with active subscription)',
    note: null,
  },
  'webex-calling-pstn-services': {
    label: 'Support for external and third-party telephony via Webex Calling PSTN services',
    note: 'Added in Cisco Commerce Workspace at the time of ordering (offered free of cost).',
  },
  vpop: {
    label: 'Support for external and third-party telephony environments using VPOP',
    note: 'VPOP is a legacy option. It is not recommended for new customers.',
  },
  'cisco-pstn': {
    label: 'Cisco PSTN for Contact Center',
    note: 'Applied automatically with the Cisco PSTN for Contact Center add-on.',
  },
} as const;
export type Telephony = keyof typeof TELEPHONY;

/** The seed's table: rows 1 and 2 have all three options, row 3 (Gulf region, Southern Africa) has no VPOP. */
export const TELEPHONY_BY_REGION: Record<Region, readonly Telephony[]> = {
  'North America': ['webex-calling', 'webex-calling-pstn-services', 'vpop'],
  EMEA: ['webex-calling', 'webex-calling-pstn-services', 'vpop'],
  LATAM: ['webex-calling', 'webex-calling-pstn-services', 'vpop'],
  APJC: ['webex-calling', 'webex-calling-pstn-services', 'vpop'],
  'Gulf region': ['webex-calling', 'webex-calling-pstn-services'],
  'Southern Africa': ['webex-calling', 'webex-calling-pstn-services'],
};

export interface CountryOption {
  /** ISO 3166 alpha-2. */
  country: string;
  name: string;
  region: Region;
  dataCenter: string;
  /** The zone preselected for the region the tenant operates from (IANA). */
  defaultTimezone: string;
  platforms: readonly Platform[];
}

const BOTH: readonly Platform[] = ['webex-contact-center', 'webex-contact-center-enterprise'];
const CC: readonly Platform[] = ['webex-contact-center'];

type Row = [country: string, name: string, region: Region, dataCenter: string, timezone: string, platforms: readonly Platform[]];
const ROWS: Row[] = [
  ['US', 'United States', 'North America', 'United States', 'America/New_York', BOTH],
  ['CA', 'Canada', 'North America', 'Canada', 'America/Toronto', BOTH],
  ['GB', 'United Kingdom', 'EMEA', 'United Kingdom', 'Europe/London', BOTH],
  ['IE', 'Ireland', 'EMEA', 'United Kingdom', 'Europe/Dublin', CC],
  ['DE', 'Germany', 'EMEA', 'European Union (Frankfurt)', 'Europe/Berlin', BOTH],
  ['FR', 'France', 'EMEA', 'European Union (Frankfurt)', 'Europe/Paris', BOTH],
  ['NL', 'Netherlands', 'EMEA', 'European Union (Frankfurt)', 'Europe/Amsterdam', CC],
  ['ES', 'Spain', 'EMEA', 'European Union (Frankfurt)', 'Europe/Madrid', CC],
  ['IT', 'Italy', 'EMEA', 'European Union (Frankfurt)', 'Europe/Rome', CC],
  ['SE', 'Sweden', 'EMEA', 'European Union (Frankfurt)', 'Europe/Stockholm', CC],
  ['MX', 'Mexico', 'LATAM', 'United States', 'America/Mexico_City', CC],
  ['BR', 'Brazil', 'LATAM', 'United States', 'America/Sao_Paulo', CC],
  ['AR', 'Argentina', 'LATAM', 'United States', 'America/Argentina/Buenos_Aires', CC],
  ['AU', 'Australia', 'APJC', 'Australia', 'Australia/Sydney', BOTH],
  ['NZ', 'New Zealand', 'APJC', 'Australia', 'Pacific/Auckland', CC],
  ['JP', 'Japan', 'APJC', 'Japan', 'Asia/Tokyo', BOTH],
  ['SG', 'Singapore', 'APJC', 'Singapore', 'Asia/Singapore', CC],
  ['IN', 'India', 'APJC', 'Singapore', 'Asia/Kolkata', CC],
  ['TR', 'Turkey', 'Gulf region', 'European Union (Frankfurt)', 'Europe/Istanbul', CC],
  ['JO', 'Jordan', 'Gulf region', 'European Union (Frankfurt)', 'Asia/Amman', CC],
  ['BH', 'Bahrain', 'Gulf region', 'European Union (Frankfurt)', 'Asia/Bahrain', CC],
  ['KW', 'Kuwait', 'Gulf region', 'European Union (Frankfurt)', 'Asia/Kuwait', CC],
  ['OM', 'Oman', 'Gulf region', 'European Union (Frankfurt)', 'Asia/Muscat', CC],
  ['ZA', 'South Africa', 'Southern Africa', 'European Union (Frankfurt)', 'Africa/Johannesburg', CC],
];

export const COUNTRY_OPTIONS: ReadonlyMap<string, CountryOption> = new Map(
  ROWS.map(([country, name, region, dataCenter, defaultTimezone, platforms]) => [
    country,
    { country, name, region, dataCenter, defaultTimezone, platforms },
  ]),
);

/** The seed's words when the country is not in the table ("contact Cisco Solution Assurance for support"). */
export const incompatibleLocation = (country: string) =>
  `${country} is an incompatible location for Webex Contact Center: contact Cisco Solution Assurance for support`;

export const findCountryOption = (country: string): CountryOption | null => COUNTRY_OPTIONS.get(country.trim().toUpperCase()) ?? null;

/** What decides the telephony besides the country and platform: the order's add-on and whether it is a trial. */
export interface TelephonyContext {
  ciscoPstnAddOn: boolean;
  trial: boolean;
}

/**
 * "If you order the Cisco PSTN for Contact Center add-on (only for the United States of
 * America), Webex Contact Center automatically applies the telephony option. This
 * option isn't applicable for a trial tenant."
 */
export function automaticTelephony(option: CountryOption, context: TelephonyContext): Telephony | null {
  return context.ciscoPstnAddOn && !context.trial && option.country === 'US' ? 'cisco-pstn' : null;
}

/** The telephony options a platform offers in the country's region (the seed's table), or the add-on's alone. */
export function telephonyOptions(option: CountryOption, platform: Platform, context: TelephonyContext): readonly Telephony[] {
  if (!option.platforms.includes(platform)) return [];
  const automatic = automaticTelephony(option, context);
  return automatic ? [automatic] : TELEPHONY_BY_REGION[option.region];
}
