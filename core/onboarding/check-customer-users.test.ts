import { describe, expect, it } from 'vitest';
import { customerInput, onboardingHarness } from '../../test/fixtures/onboarding';

async function provisionedCustomer() {
  const h = await onboardingHarness();
  const template = await h.template();
  h.webex.nextPolls = [{ status: 'provisioned', orgId: 'org-globex' }];
  const customer = await h.core.createCustomer({
    actor: h.as('paula'),
    customer: customerInput(template.id, { packages: ['webex_calling', 'webex_meetings'] }),
  });
  await h.core.refreshProvisioningCustomers();
  const user = (n: number, overrides: Record<string, unknown> = {}) => ({
    firstName: `Ada${n}`,
    lastName: 'Lovelace',
    email: `ada${n}@globex.example`,
    package: 'webex_calling',
    locationId: customer.locations[0]!.id,
    phoneNumber: `+1201555010${n}`,
    ...overrides,
  });
  const check = (users: unknown, who: 'paula' | 'olive' | 'otto' = 'paula') =>
    h.core.checkCustomerUsers({ actor: h.as(who), customerId: customer.id, users });
  return { ...h, customer, user, check };
}

describe('checkCustomerUsers', () => {
  it('counts a good batch and creates nobody', async () => {
    const h = await provisionedCustomer();
    expect(await h.check([h.user(1), h.user(2)])).toEqual({ customerId: h.customer.id, customerName: h.customer.name, count: 2 });
    expect(h.webex.callsOf('createSubscriber')).toEqual([]);
    expect(await h.deps.customerUsers.find(h.customer.id, 'ada1@globex.example')).toBeNull();
  });

  it('names every bad row and input as addCustomerUsers would, and creates nobody', async () => {
    const h = await provisionedCustomer();
    await expect(h.check([h.user(1), h.user(2, { phoneNumber: '+33142685300' }), h.user(3, { email: 'nope' })])).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        fields: [expect.objectContaining({ field: 'users[1].phoneNumber' }), expect.objectContaining({ field: 'users[2].email' })],
      },
    });
    expect(h.webex.callsOf('createSubscriber')).toEqual([]);
  });

  it('refuses an orderer and a stranger before any check', async () => {
    const h = await provisionedCustomer();
    await expect(h.check([h.user(1)], 'olive')).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    await expect(h.check([h.user(1)], 'otto')).rejects.toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
  });
});
