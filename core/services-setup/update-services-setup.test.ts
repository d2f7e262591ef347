import { describe, expect, it } from 'vitest';
import { SETUP_PEOPLE } from '../../test/fixtures/customers-for-setup';
import { servicesSetupHarness } from '../../test/fakes/services-setup-harness';
import { CoreError } from '../errors';

const { pat, carla, otto } = SETUP_PEOPLE;

async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CoreError);
  return err as CoreError;
}

describe('services setup wizard: get and update', () => {
  it('starts from the order mapping country, its region, data centre and time zone, with its platforms and the first step next', async () => {
    const h = await servicesSetupHarness();
    const view = await h.core.getServicesSetup({ actor: h.as(pat), customerId: 'cust-1' });
    expect(view).toMatchObject({
      countryOfOperation: 'GB',
      region: 'EMEA',
      dataCenter: 'United Kingdom',
      timezone: 'Europe/London',
      sipAddressName: 'globex',
      countryConfirmed: false,
      nextStep: 'calling-setup',
      incompatibleLocation: null,
    });
    expect(view.options.platform.map((p) => p.value)).toEqual(['webex-contact-center', 'webex-contact-center-enterprise']);
  });

  it('locks the confirmed country: a later change is refused with the seed reason and nothing changes', async () => {
    const h = await servicesSetupHarness();
    const actor = h.as(carla);
    await h.core.updateServicesSetup({
      actor,
      customerId: 'cust-1',
      changes: { sipAddressName: 'globex', countryOfOperation: 'DE', confirmCountry: true },
    });
    const before = await h.repo.find('cust-1');
    const err = await refusal(
      h.core.updateServicesSetup({ actor: h.as(pat), customerId: 'cust-1', changes: { countryOfOperation: 'FR' } }),
    );
    expect(err.code).toBe('CONFLICT');
    expect(err.details).toMatchObject({ reason: "the country of operation can't be changed after confirmation" });
    expect(await h.repo.find('cust-1')).toEqual(before);
    const view = await h.core.getServicesSetup({ actor, customerId: 'cust-1' });
    expect(view).toMatchObject({ countryOfOperation: 'DE', countryConfirmed: true, timezone: 'Europe/Berlin', nextStep: 'timezone' });
  });

  it('refuses a country outside the table with the Solution Assurance words, under its field, storing nothing', async () => {
    const h = await servicesSetupHarness();
    const err = await refusal(
      h.core.updateServicesSetup({ actor: h.as(pat), customerId: 'cust-1', changes: { countryOfOperation: 'KP', confirmCountry: true } }),
    );
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toMatchObject({
      fields: [{ field: 'countryOfOperation', message: expect.stringMatching(/incompatible location.*Cisco Solution Assurance/) }],
    });
    expect(await h.repo.find('cust-1')).toBeNull();
  });

  it('allows platform and telephony only among the options of the confirmed country; the Gulf region has no VPOP', async () => {
    const h = await servicesSetupHarness({ customer: { orderCountry: 'KW' } });
    const actor = h.as(pat);
    const early = await refusal(h.core.updateServicesSetup({ actor, customerId: 'cust-1', changes: { platform: 'webex-contact-center' } }));
    expect(early.details).toMatchObject({ fields: [{ field: 'platform' }] });
    await h.core.updateServicesSetup({ actor, customerId: 'cust-1', changes: { confirmCountry: true } });
    const vpop = await refusal(
      h.core.updateServicesSetup({ actor, customerId: 'cust-1', changes: { platform: 'webex-contact-center', telephony: 'vpop' } }),
    );
    expect(vpop.details).toMatchObject({ fields: [{ field: 'telephony' }] });
    const enterprise = await refusal(
      h.core.updateServicesSetup({ actor, customerId: 'cust-1', changes: { platform: 'webex-contact-center-enterprise' } }),
    );
    expect(enterprise.details).toMatchObject({ fields: [{ field: 'platform' }] });
    const view = await h.core.updateServicesSetup({
      actor,
      customerId: 'cust-1',
      changes: { platform: 'webex-contact-center', telephony: 'webex-calling' },
    });
    expect(view.options.telephony.map((t) => t.value)).toEqual(['webex-calling', 'webex-calling-pstn-services']);
    expect(view).toMatchObject({ platform: 'webex-contact-center', telephony: 'webex-calling' });
  });

  it('applies the Cisco PSTN add-on telephony in the United States and refuses another choice', async () => {
    const h = await servicesSetupHarness({ customer: { orderCountry: 'US', ciscoPstnAddOn: true } });
    const actor = h.as(pat);
    const view = await h.core.updateServicesSetup({
      actor,
      customerId: 'cust-1',
      changes: { confirmCountry: true, platform: 'webex-contact-center' },
    });
    expect(view).toMatchObject({ telephony: 'cisco-pstn', telephonyAutomatic: true, options: { telephony: [{ value: 'cisco-pstn' }] } });
    const err = await refusal(h.core.updateServicesSetup({ actor, customerId: 'cust-1', changes: { telephony: 'vpop' } }));
    expect(err.details).toMatchObject({ fields: [{ field: 'telephony' }] });
  });

  it('has no time zone step when only CCAI services are provisioned', async () => {
    const h = await servicesSetupHarness({ customer: { ccaiOnly: true } });
    const actor = h.as(pat);
    const view = await h.core.updateServicesSetup({
      actor,
      customerId: 'cust-1',
      changes: { sipAddressName: 'globex', confirmCountry: true },
    });
    expect(view).toMatchObject({ hasTimezoneStep: false, timezone: null, nextStep: 'platform' });
    const err = await refusal(h.core.updateServicesSetup({ actor, customerId: 'cust-1', changes: { timezone: 'Europe/London' } }));
    expect(err.details).toMatchObject({ fields: [{ field: 'timezone' }] });
  });

  it('names each bad field and stores nothing', async () => {
    const h = await servicesSetupHarness();
    const err = await refusal(
      h.core.updateServicesSetup({
        actor: h.as(pat),
        customerId: 'cust-1',
        changes: { sipAddressName: 'bad name!', countryOfOperation: 'Britain', timezone: 'Mars/Base' },
      }),
    );
    expect((err.details as { fields: { field: string }[] }).fields.map((f) => f.field).sort()).toEqual([
      'countryOfOperation',
      'sipAddressName',
    ]);
    const tz = await refusal(h.core.updateServicesSetup({ actor: h.as(pat), customerId: 'cust-1', changes: { timezone: 'Mars/Base' } }));
    expect(tz.details).toMatchObject({ fields: [{ field: 'timezone' }] });
    expect(await h.repo.find('cust-1')).toBeNull();
  });

  it('lets the partner administrators and the customer administrator in, and refuses anyone else with words', async () => {
    const h = await servicesSetupHarness();
    await expect(h.core.getServicesSetup({ actor: h.as(carla), customerId: 'cust-1' })).resolves.toBeTruthy();
    const err = await refusal(h.core.updateServicesSetup({ actor: h.as(otto), customerId: 'cust-1', changes: { sipAddressName: 'x' } }));
    expect(err.code).toBe('NOT_AUTHORIZED');
    expect(err.details).toMatchObject({ reason: expect.stringContaining('administrators of the partner acme-partner.example') });
    expect((await refusal(h.core.getServicesSetup({ actor: h.as(pat), customerId: 'nope' }))).code).toBe('CUSTOMER_NOT_FOUND');
    expect(await h.repo.find('cust-1')).toBeNull();
  });
});
