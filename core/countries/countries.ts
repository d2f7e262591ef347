/**
 * The one country table: every country provbot knows, with whether a customer may be
 * headquartered there (Partner Hub) and where its contact centre tenant goes (Control
 * Hub's services setup wizard). Onboarding reads it through
 * onboarding/supported-countries.ts, the wizard through services-setup/country-options.ts.
 *
 * Columns, and where each comes from:
 * - `code`, `name`: ISO 3166 alpha-2 and its English short name.
 * - `customerLocation`: Partner Hub, "Create Customer via Partner Hub", step 8: "If the
 *   headquarters are in a Webex supported location, click the I verify that this
 *   customer is in a Cisco Webex supported location check box". OUR READING: the seed
 *   names no list; these are Cisco's supported countries for the Wholesale route to market.
 * - `contactCenter` (null: "If an incompatible location message appears after you click
 *   Save, contact Cisco Solution Assurance for support"):
 *   - `region`: the seed's table ("The following table summarizes the platform and
 *     telephony options applicable for each country of operation"), column "Region".
 *     The seed's words name the members of the Gulf region only ("Gulf region (Turkey,
 *     Jordan, Bahrain, Kuwait, Oman)"); which country is in North America, EMEA, LATAM,
 *     APJC or Southern Africa ("all supported countries", "(All)") is OUR READING.
 *   - `dataCenter`: "Webex Contact Center creates the tenant in the appropriate data
 *     center based on the country of operation. For the list of countries and the
 *     corresponding data center mapping, see the article Data Locality in Webex Contact
 *     Center." OUR READING of that article, which is not part of the seed.
 *   - `timezone`: "By default, Webex Contact Center selects a timezone based on the region
 *     that your contact center operates from." Which zone: OUR READING.
 *   - `platforms`: "Based on the country of operation you choose, one or more Webex
 *     Contact Center platform options are available." The seed's table, despite its
 *     title, has no platform column: which country offers which platform is OUR READING.
 *   - `ciscoPstnAddOn`: "If you order the Cisco PSTN for Contact Center add-on (only for
 *     the United States of America), Webex Contact Center automatically applies the
 *     telephony option." The seed's words.
 * - Telephony (TELEPHONY_BY_REGION below): the seed's table, column "Telephony
 *   Type/Integration method", by region. The seed's text says the options depend on the
 *   platform chosen ("based on the platform you choose"), but its table does not split
 *   by platform: every platform a country offers gets its region's options (OUR READING).
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

export interface ContactCenterLocation {
  region: Region;
  dataCenter: string;
  /** IANA zone preselected for the region the tenant operates from. */
  timezone: string;
  platforms: readonly Platform[];
  ciscoPstnAddOn: boolean;
}

export interface Country {
  /** ISO 3166 alpha-2, upper case. */
  code: string;
  name: string;
  customerLocation: boolean;
  contactCenter: ContactCenterLocation | null;
}

const BOTH: readonly Platform[] = ['webex-contact-center', 'webex-contact-center-enterprise'];
const CC: readonly Platform[] = ['webex-contact-center'];
const EU = 'European Union (Frankfurt)';

type Row = [code: string, name: string, customerLocation: boolean, contactCenter: ContactCenterLocation | null];
const cc = (region: Region, dataCenter: string, timezone: string, platforms: readonly Platform[], ciscoPstnAddOn = false) => ({
  region,
  dataCenter,
  timezone,
  platforms,
  ciscoPstnAddOn,
});

// In the wizard's order (by region); countries with no contact centre tenant last.
const ROWS: Row[] = [
  ['US', 'United States', true, cc('North America', 'United States', 'America/New_York', BOTH, true)],
  ['CA', 'Canada', true, cc('North America', 'Canada', 'America/Toronto', BOTH)],
  ['GB', 'United Kingdom', true, cc('EMEA', 'United Kingdom', 'Europe/London', BOTH)],
  ['IE', 'Ireland', true, cc('EMEA', 'United Kingdom', 'Europe/Dublin', CC)],
  ['DE', 'Germany', true, cc('EMEA', EU, 'Europe/Berlin', BOTH)],
  ['FR', 'France', true, cc('EMEA', EU, 'Europe/Paris', BOTH)],
  ['NL', 'Netherlands', true, cc('EMEA', EU, 'Europe/Amsterdam', CC)],
  ['ES', 'Spain', true, cc('EMEA', EU, 'Europe/Madrid', CC)],
  ['IT', 'Italy', true, cc('EMEA', EU, 'Europe/Rome', CC)],
  ['SE', 'Sweden', true, cc('EMEA', EU, 'Europe/Stockholm', CC)],
  ['MX', 'Mexico', true, cc('LATAM', 'United States', 'America/Mexico_City', CC)],
  ['BR', 'Brazil', true, cc('LATAM', 'United States', 'America/Sao_Paulo', CC)],
  ['AR', 'Argentina', false, cc('LATAM', 'United States', 'America/Argentina/Buenos_Aires', CC)],
  ['AU', 'Australia', true, cc('APJC', 'Australia', 'Australia/Sydney', BOTH)],
  ['NZ', 'New Zealand', true, cc('APJC', 'Australia', 'Pacific/Auckland', CC)],
  ['JP', 'Japan', true, cc('APJC', 'Japan', 'Asia/Tokyo', BOTH)],
  ['SG', 'Singapore', true, cc('APJC', 'Singapore', 'Asia/Singapore', CC)],
  ['IN', 'India', false, cc('APJC', 'Singapore', 'Asia/Kolkata', CC)],
  ['TR', 'Turkey', false, cc('Gulf region', EU, 'Europe/Istanbul', CC)],
  ['JO', 'Jordan', false, cc('Gulf region', EU, 'Asia/Amman', CC)],
  ['BH', 'Bahrain', false, cc('Gulf region', EU, 'Asia/Bahrain', CC)],
  ['KW', 'Kuwait', false, cc('Gulf region', EU, 'Asia/Kuwait', CC)],
  ['OM', 'Oman', false, cc('Gulf region', EU, 'Asia/Muscat', CC)],
  ['ZA', 'South Africa', true, cc('Southern Africa', EU, 'Africa/Johannesburg', CC)],
  ['AE', 'United Arab Emirates', true, null],
  ['AT', 'Austria', true, null],
  ['BE', 'Belgium', true, null],
  ['CH', 'Switzerland', true, null],
  ['DK', 'Denmark', true, null],
  ['FI', 'Finland', true, null],
  ['NO', 'Norway', true, null],
  ['PT', 'Portugal', true, null],
  ['SA', 'Saudi Arabia', true, null],
];

export const COUNTRIES: readonly Country[] = ROWS.map(([code, name, customerLocation, contactCenter]) => ({
  code,
  name,
  customerLocation,
  contactCenter,
}));

/** The row for a code in any case, or null. */
export const findCountry = (code: string): Country | null => COUNTRIES.find((c) => c.code === code.trim().toUpperCase()) ?? null;
