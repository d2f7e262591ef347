import { describe, expect, it } from 'vitest';
import { SUPPORTED_COUNTRIES, countryRefusal } from '../onboarding/supported-countries';
import { COUNTRY_OPTIONS, findCountryOption } from '../services-setup/country-options';
import { COUNTRIES, findCountry } from './countries';

describe('the one country table', () => {
  it('has each ISO code once, upper case, with a name', () => {
    const codes = COUNTRIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of COUNTRIES) {
      expect(c.code, c.name).toMatch(/^[A-Z]{2}$/);
      expect(c.name.length, c.code).toBeGreaterThan(0);
    }
  });

  it('gives onboarding the customer locations and the wizard the contact centre rows, under the same names', () => {
    expect(Object.keys(SUPPORTED_COUNTRIES)).toEqual(
      COUNTRIES.filter((c) => c.customerLocation)
        .map((c) => c.code)
        .sort(),
    );
    expect([...COUNTRY_OPTIONS.keys()]).toEqual(COUNTRIES.filter((c) => c.contactCenter).map((c) => c.code));
    for (const option of COUNTRY_OPTIONS.values()) {
      const supported = SUPPORTED_COUNTRIES[option.country];
      if (supported) expect(supported).toBe(option.name);
    }
  });

  it('keeps the two uses apart: a headquarters country may have no contact centre tenant, and the reverse', () => {
    expect(countryRefusal('SA')).toBeNull();
    expect(findCountryOption('SA')).toBeNull();
    expect(countryRefusal('TR')).toMatch(/cannot create customers headquartered in TR/);
    expect(findCountryOption('TR')).toMatchObject({ region: 'Gulf region', name: 'Turkey' });
  });

  it('offers the Cisco PSTN for Contact Center add-on in the United States only (the seed)', () => {
    expect(COUNTRIES.filter((c) => c.contactCenter?.ciscoPstnAddOn).map((c) => c.code)).toEqual(['US']);
  });

  it('finds a row whatever the case and spacing of the code, and nothing for an unknown one', () => {
    expect(findCountry(' gb ')?.name).toBe('United Kingdom');
    expect(findCountry('KP')).toBeNull();
  });
});
