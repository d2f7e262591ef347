import { describe, expect, it } from 'vitest';
import { SETUP_PEOPLE } from '../../test/fixtures/customers-for-setup';
import { servicesSetupHarness } from '../../test/fakes/services-setup-harness';

const { pat, carla, otto } = SETUP_PEOPLE;

/** A completed setup, so Carla (the first administrator) has a Connect activation deadline running. */
async function completedSetup() {
  const h = await servicesSetupHarness();
  const actor = h.as(pat);
  await h.core.updateServicesSetup({
    actor,
    customerId: 'cust-1',
    changes: {
      sipAddressName: 'globex',
      confirmCountry: true,
      timezone: 'Europe/London',
      platform: 'webex-contact-center',
      telephony: 'webex-calling',
    },
  });
  await h.core.submitServicesSetup({ actor, customerId: 'cust-1' });
  h.clock.advanceMinutes(5);
  await h.core.advanceServicesSetups();
  const activation = async () => (await h.repo.listForCustomer('cust-1'))[0]!;
  const record = (email: unknown, who = pat, customerId = 'cust-1') =>
    h.core.recordConnectActivation({ actor: h.as(who), customerId, body: { email } });
  return { ...h, activation, record };
}

describe('recording a Connect activation', () => {
  it('records it for the administrator, shows it in the admins list, and stops the reminder and the expiry', async () => {
    const h = await completedSetup();
    h.clock.advanceDays(1);
    const recorded = await h.record(' Carla@Globex.example ');
    expect(recorded).toEqual({
      customerId: 'cust-1',
      customerName: 'Globex Retail',
      email: 'carla@globex.example',
      activatedAt: h.clock.now(),
    });

    const admins = await h.core.customerAdmins({ actor: h.as(pat), customerId: 'cust-1' });
    expect(admins.admins.find((a) => a.email === 'carla@globex.example')?.activation).toMatchObject({
      state: 'activated',
      activatedAt: h.clock.now(),
    });
    // Well past the deadline: nothing is due any more.
    h.clock.advanceDays(30);
    expect(await h.core.checkConnectActivations()).toEqual({ reminded: 0, expired: 0 });
    expect(h.outbox.deliveries.filter((d) => d.content.kind === 'connect-activation')).toEqual([]);
  });

  it('refuses a second recording of the same activation, keeping the first date', async () => {
    const h = await completedSetup();
    await h.record('carla@globex.example');
    const first = (await h.activation()).activatedAt;
    h.clock.advanceDays(1);
    await expect(h.record('carla@globex.example')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await h.activation()).activatedAt).toEqual(first);
  });

  it('refuses an email that is not an administrator of the customer, or not an email, and changes nothing', async () => {
    const h = await completedSetup();
    const before = await h.activation();
    await expect(h.record('mallory@globex.example')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'email', message: 'mallory@globex.example is not an administrator of Globex Retail.' }] },
    });
    for (const bad of ['not-an-email', '', 42, undefined])
      await expect(h.record(bad), String(bad)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'email' }] },
      });
    expect(await h.activation()).toEqual(before);
  });

  it('refuses an unknown customer, the customer administrator themselves and another partner', async () => {
    const h = await completedSetup();
    const before = await h.activation();
    await expect(h.record('carla@globex.example', pat, 'cust-nope')).rejects.toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
    await expect(h.record('carla@globex.example', carla)).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    await expect(h.record('carla@globex.example', otto)).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect(await h.activation()).toEqual(before);
  });

  it('refuses an administrator with no activation awaited, and one whose deadline has passed', async () => {
    const h = await completedSetup();
    await expect(h.record('rory@globex.example')).rejects.toMatchObject({ code: 'INVALID_STATE' });
    h.clock.advanceDays(30);
    await h.core.checkConnectActivations();
    await expect(h.record('carla@globex.example')).rejects.toMatchObject({
      code: 'INVALID_STATE',
      details: { reason: expect.stringMatching(/must be added again from Control Hub or Connect/) },
    });
    expect((await h.activation()).activatedAt).toBeNull();
  });

  it('refuses before the setup has completed: no Connect account exists yet', async () => {
    const h = await servicesSetupHarness();
    await expect(
      h.core.recordConnectActivation({ actor: h.as(pat), customerId: 'cust-1', body: { email: 'carla@globex.example' } }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(await h.repo.listForCustomer('cust-1')).toEqual([]);
  });
});
