import { describe, expect, it } from 'vitest';
import { SETUP_PEOPLE } from '../../test/fixtures/customers-for-setup';
import { servicesSetupHarness } from '../../test/fakes/services-setup-harness';
import { CoreError } from '../errors';

const { pat, carla } = SETUP_PEOPLE;

async function readySetup(options: Parameters<typeof servicesSetupHarness>[0] = {}) {
  const h = await servicesSetupHarness(options);
  await h.core.updateServicesSetup({
    actor: h.as(pat),
    customerId: 'cust-1',
    changes: {
      sipAddressName: 'globex',
      confirmCountry: true,
      timezone: 'Europe/London',
      platform: 'webex-contact-center',
      telephony: 'vpop',
    },
  });
  return h;
}

describe('services setup wizard: submit and progress', () => {
  it('submits once: the backend starts, a second submit is a conflict and changes nothing', async () => {
    const h = await readySetup();
    const view = await h.core.submitServicesSetup({ actor: h.as(carla), customerId: 'cust-1' });
    expect(view).toMatchObject({ state: 'submitted', nextStep: 'in-progress', submittedBy: 'carla@globex.example' });
    const after = await h.repo.find('cust-1');
    expect(after?.backendJobId).toEqual(expect.any(String));
    const again = await h.core.submitServicesSetup({ actor: h.as(pat), customerId: 'cust-1' }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(CoreError);
    expect((again as CoreError).code).toBe('CONFLICT');
    expect(await h.repo.find('cust-1')).toEqual(after);
    const change = await h.core
      .updateServicesSetup({ actor: h.as(pat), customerId: 'cust-1', changes: { sipAddressName: 'other' } })
      .catch((e: unknown) => e);
    expect((change as CoreError).code).toBe('CONFLICT');
  });

  it('refuses to submit before the country is confirmed, naming the field', async () => {
    const h = await servicesSetupHarness();
    const err = (await h.core.submitServicesSetup({ actor: h.as(pat), customerId: 'cust-1' }).catch((e: unknown) => e)) as CoreError;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toMatchObject({ fields: expect.arrayContaining([{ field: 'confirmCountry', message: expect.any(String) }]) });
    expect(await h.repo.find('cust-1')).toBeNull();
  });

  it('reports progress step by step as the clock moves, completes in a few minutes, and the summary lists the choices', async () => {
    const h = await readySetup();
    await h.core.submitServicesSetup({ actor: h.as(pat), customerId: 'cust-1' });
    h.clock.advanceMinutes(1);
    await h.core.advanceServicesSetups();
    const running = await h.core.getServicesSetup({ actor: h.as(pat), customerId: 'cust-1' });
    expect(running.progress.map((s) => s.done)).toEqual([true, false, false, false]);
    h.clock.advanceMinutes(3);
    expect(await h.core.advanceServicesSetups()).toEqual({ completed: 1, failed: 0 });
    const done = await h.core.getServicesSetup({ actor: h.as(pat), customerId: 'cust-1' });
    expect(done).toMatchObject({ state: 'completed', nextStep: 'completed' });
    const summary = await h.core.getOrderSummary({ actor: h.as(carla), customerId: 'cust-1' });
    expect(summary).toMatchObject({
      customerName: 'Globex Retail',
      country: 'United Kingdom (GB)',
      dataCenter: 'United Kingdom',
      timezone: 'Europe/London',
      platform: 'Webex Contact Center',
      telephony: expect.stringMatching(/VPOP/),
      submittedBy: 'pat@acme-partner.example',
    });
  });

  it('records a failure the backend reports, in words', async () => {
    const h = await readySetup();
    h.setupBackend.failNext('the tenant name is taken');
    await h.core.submitServicesSetup({ actor: h.as(pat), customerId: 'cust-1' });
    h.clock.advanceMinutes(10);
    expect(await h.core.advanceServicesSetups()).toEqual({ completed: 0, failed: 1 });
    expect(await h.core.getServicesSetup({ actor: h.as(pat), customerId: 'cust-1' })).toMatchObject({
      state: 'failed',
      failure: 'the tenant name is taken',
    });
  });

  it('has no order summary before submit', async () => {
    const h = await readySetup();
    const err = (await h.core.getOrderSummary({ actor: h.as(pat), customerId: 'cust-1' }).catch((e: unknown) => e)) as CoreError;
    expect(err.code).toBe('INVALID_STATE');
  });

  it('reminds the customer administrators of every setup not completed, and only theirs', async () => {
    const h = await readySetup();
    h.customers.add({ ...h.customer, id: 'cust-2', name: 'Globex Labs' });
    h.customers.add({ ...h.customer, id: 'cust-3', name: 'Elsewhere', adminEmail: 'x@else.example', administrators: [] });
    expect((await h.core.pendingSetupsFor(h.as(carla))).map((p) => p.customerName)).toEqual(['Globex Retail', 'Globex Labs']);
    await h.core.submitServicesSetup({ actor: h.as(pat), customerId: 'cust-1' });
    h.clock.advanceMinutes(10);
    await h.core.advanceServicesSetups();
    expect(await h.core.pendingSetupsFor(h.as(carla))).toEqual([{ customerId: 'cust-2', customerName: 'Globex Labs', state: 'draft' }]);
  });
});
