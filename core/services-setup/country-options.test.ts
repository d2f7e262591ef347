import { describe, expect, it } from 'vitest';
import { COUNTRY_OPTIONS, REGIONS, TELEPHONY, automaticTelephony, findCountryOption, telephonyOptions } from './country-options';
import type { CountryOption, Region } from './country-options';

const paid = { ciscoPstnAddOn: false, trial: false };
const inRegion = (region: Region): CountryOption[] => [...COUNTRY_OPTIONS.values()].filter((o) => o.region === region);
const WITH_VPOP = ['webex-calling', 'webex-calling-pstn-services', 'vpop'];

describe('country of operation table', () => {
  it('has countries in every region of the seed, each with a data centre, a valid default time zone and a platform', () => {
    for (const region of REGIONS) expect(inRegion(region).length, region).toBeGreaterThan(0);
    for (const o of COUNTRY_OPTIONS.values()) {
      expect(o.dataCenter, o.country).not.toBe('');
      expect(() => new Intl.DateTimeFormat('en', { timeZone: o.defaultTimezone }), o.country).not.toThrow();
      expect(o.platforms.length, o.country).toBeGreaterThan(0);
    }
  });

  it.each(['North America', 'EMEA', 'LATAM', 'APJC'] as const)(
    'offers Webex Calling, Webex Calling PSTN services and VPOP in %s, on every platform',
    (region) => {
      for (const o of inRegion(region))
        for (const p of o.platforms) expect(telephonyOptions(o, p, paid), `${o.country} ${p}`).toEqual(WITH_VPOP);
    },
  );

  it('offers no VPOP in the Gulf region (Turkey, Jordan, Bahrain, Kuwait, Oman) nor in Southern Africa', () => {
    expect(
      inRegion('Gulf region')
        .map((o) => o.country)
        .sort(),
    ).toEqual(['BH', 'JO', 'KW', 'OM', 'TR']);
    for (const o of [...inRegion('Gulf region'), ...inRegion('Southern Africa')])
      for (const p of o.platforms)
        expect(telephonyOptions(o, p, paid), o.country).toEqual(['webex-calling', 'webex-calling-pstn-services']);
  });

  it('marks VPOP legacy and not recommended, and the PSTN services option free and added in CCW', () => {
    expect(TELEPHONY.vpop.note).toMatch(/legacy option.*not recommended for new customers/);
    expect(TELEPHONY['webex-calling-pstn-services'].note).toMatch(/Cisco Commerce Workspace.*free of cost/);
  });

  it('applies the Cisco PSTN add-on telephony by itself in the United States only, and never for a trial', () => {
    const us = findCountryOption('us')!;
    const ca = findCountryOption('CA')!;
    const addOn = { ciscoPstnAddOn: true, trial: false };
    expect(automaticTelephony(us, addOn)).toBe('cisco-pstn');
    expect(telephonyOptions(us, 'webex-contact-center', addOn)).toEqual(['cisco-pstn']);
    expect(automaticTelephony(ca, addOn)).toBeNull();
    expect(telephonyOptions(ca, 'webex-contact-center', addOn)).toEqual(WITH_VPOP);
    expect(automaticTelephony(us, { ciscoPstnAddOn: true, trial: true })).toBeNull();
    expect(telephonyOptions(us, 'webex-contact-center', { ciscoPstnAddOn: true, trial: true })).toEqual(WITH_VPOP);
  });

  it('knows no country outside the table, and offers nothing for a platform the country does not have', () => {
    expect(findCountryOption('KP')).toBeNull();
    expect(telephonyOptions(findCountryOption('IE')!, 'webex-contact-center-enterprise', paid)).toEqual([]);
  });
});
