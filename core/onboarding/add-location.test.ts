import { describe, expect, it } from 'vitest';
import { customerInput, onboardingHarness } from '../../test/fixtures/onboarding';
import type { ScriptedState } from '../../test/fakes/scripted-customer-provisioning';

const BRANCH = { name: 'Lyon branch', address: { addressLine1: '2 Place Bellecour', city: 'Lyon', postalCode: '69002', country: 'FR' } };

async function customerThat(states: ScriptedState[]) {
  const h = await onboardingHarness();
  const template = await h.template({ timezone: 'Europe/Paris', language: 'fr_FR' });
  h.webex.nextPolls = states;
  const customer = await h.core.createCustomer({ actor: h.as('paula'), customer: customerInput(template.id) });
  await h.core.refreshProvisioningCustomers();
  return { ...h, customer };
}

describe('addLocation', () => {
  it("creates the branch in the customer's organization with the template's settings and lists it after the headquarters", async () => {
    const h = await customerThat([{ status: 'provisioned', orgId: 'org-globex' }]);
    const added = await h.core.addLocation({ actor: h.as('paula'), customerId: h.customer.id, location: BRANCH });
    expect(h.webex.callsOf('createLocation').map((c) => c.request)).toEqual([
      { orgId: 'org-globex', name: 'Lyon branch', address: BRANCH.address, timezone: 'Europe/Paris', language: 'fr_FR' },
    ]);
    expect(added).toMatchObject({ name: 'Lyon branch', headquarters: false, remoteLocationId: expect.any(String) });
    const read = await h.core.getCustomer({ actor: h.as('olive'), customerId: h.customer.id });
    expect(read.locations.map((l) => [l.name, l.headquarters])).toEqual([
      ['Headquarters', true],
      ['Lyon branch', false],
    ]);
  });

  it('waits for the organization to exist', async () => {
    const h = await customerThat([{ status: 'provisioning' }]);
    await expect(h.core.addLocation({ actor: h.as('paula'), customerId: h.customer.id, location: BRANCH })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    expect(h.webex.callsOf('createLocation')).toEqual([]);
  });

  it('refuses a second location of the same name, a bad address, a non-administrator and an unknown customer, adding nothing', async () => {
    const h = await customerThat([{ status: 'provisioned', orgId: 'org-globex' }]);
    const add = (location: unknown, who: 'paula' | 'olive' | 'otto' = 'paula', customerId = h.customer.id) =>
      h.core.addLocation({ actor: h.as(who), customerId, location });
    await expect(add({ ...BRANCH, name: 'HEADQUARTERS' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'name', message: expect.stringContaining('already has a location named') }] },
    });
    await expect(add({ ...BRANCH, address: { ...BRANCH.address, country: 'ZZ' } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'address.country' }] },
    });
    // A member of the domain asks its administrators instead (request-domain-access.test.ts).
    await expect(add(BRANCH, 'olive')).rejects.toMatchObject({ code: 'ADMIN_APPROVAL_REQUESTED' });
    await expect(add(BRANCH, 'otto')).rejects.toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
    await expect(add(BRANCH, 'paula', 'cus-unknown')).rejects.toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
    expect((await h.deps.customers.findById(h.customer.id))?.locations).toHaveLength(1);
    expect(h.webex.callsOf('createLocation')).toEqual([]);
  });
});
