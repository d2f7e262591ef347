import type { Platform, Region, Telephony } from '../countries/countries';
import { COUNTRIES, TELEPHONY_BY_REGION } from '../countries/countries';

/**
 * Where a contact centre tenant may be created: the rows of the one country table
 * (core/countries/countries.ts) that have a contact centre location, as the wizard
 * reads them. Seed (Control Hub, "Services setup wizard", step 4): "Webex Contact Center
 * creates the tenant in the appropriate data center based on the country of operation".
 * A country without one is an incompatible location.
 */

export type { Platform, Region, Telephony } from '../countries/countries';
export { PLATFORMS, REGIONS, TELEPHONY, TELEPHONY_BY_REGION } from '../countries/countries';

export interface CountryOption {
  /** ISO 3166 alpha-2. */
  country: string;
  name: string;
  region: Region;
  dataCenter: string;
  /** The zone preselected for the region the tenant operates from (IANA). */
  defaultTimezone: string;
  platforms: readonly Platform[];
  /** Whether the Cisco PSTN for Contact Center add-on exists here ("only for the United States of America"). */
  ciscoPstnAddOn: boolean;
}

export const COUNTRY_OPTIONS: ReadonlyMap<string, CountryOption> = new Map(
  COUNTRIES.flatMap(({ code, name, contactCenter: cc }) =>
    cc
      ? [
          [
            code,
            {
              country: code,
              name,
              region: cc.region,
              dataCenter: cc.dataCenter,
              defaultTimezone: cc.timezone,
              platforms: cc.platforms,
              ciscoPstnAddOn: cc.ciscoPstnAddOn,
            },
          ] as const,
        ]
      : [],
  ),
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
  return context.ciscoPstnAddOn && !context.trial && option.ciscoPstnAddOn ? 'cisco-pstn' : null;
}

/** The telephony options a platform offers in the country's region (the seed's table), or the add-on's alone. */
export function telephonyOptions(option: CountryOption, platform: Platform, context: TelephonyContext): readonly Telephony[] {
  if (!option.platforms.includes(platform)) return [];
  const automatic = automaticTelephony(option, context);
  return automatic ? [automatic] : TELEPHONY_BY_REGION[option.region];
}
