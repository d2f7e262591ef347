import { describe, expect, it } from 'vitest';
import { customerInput, onboardingHarness } from '../../test/fixtures/onboarding';

/** "Set up Customer": a provisioned customer, and Olive (Ordering) asking Paula (Administrator) for its setup. */
async function provisionedCustomer() {
  const h = await onboardingHarness();
  const template = await h.template();
  h.webex.nextPolls = [{ status: 'provisioned', orgId: 'org-globex' }];
  const customer = await h.core.createCustomer({ actor: h.as('paula'), customer: customerInput(template.id) });
  await h.core.refreshProvisioningCustomers();
  const hq = customer.locations[0]!.id;
  const user = (n: number) => ({
    firstName: `Ada${n}`,
    lastName: 'Lovelace',
    email: `ada${n}@globex.example`,
    package: 'webex_calling',
    locationId: hq,
    phoneNumber: `+1201555010${n}`,
    extension: `10${n}`,
  });
  const approveLast = async () => {
    const request = [...h.deps.accessRequests.requests.values()].at(-1)!;
    return h.core.decideAccessRequest({ actor: h.as('paula'), requestId: request.id, decision: 'approve' });
  };
  return { ...h, customer, user, approveLast };
}

const BRANCH = { name: 'Lyon branch', address: { addressLine1: '2 Place Bellecour', city: 'Lyon', postalCode: '69002', country: 'FR' } };

describe('setting a customer up through its administrators', () => {
  it("adds a member's users only once an administrator approves, with the same results as adding them directly", async () => {
    const h = await provisionedCustomer();
    await expect(
      h.core.addCustomerUsers({ actor: h.as('olive'), customerId: h.customer.id, users: [h.user(1), h.user(2)] }),
    ).rejects.toMatchObject({
      code: 'ADMIN_APPROVAL_REQUESTED',
      details: { action: 'add users for Globex Corporation', administrators: ['Paula Partner'], state: 'sent' },
    });
    expect(h.webex.callsOf('createSubscriber')).toEqual([]);
    const decided = await h.approveLast();
    expect(decided.outcome).toEqual({
      ok: true,
      result: {
        kind: 'users-added',
        customerName: 'Globex Corporation',
        results: [
          { email: 'ada1@globex.example', status: 'provisioned', message: 'Created.' },
          { email: 'ada2@globex.example', status: 'provisioned', message: 'Created.' },
        ],
      },
    });
    expect(h.webex.callsOf('createSubscriber')).toHaveLength(2);
  });

  it("refuses a member's bad rows at once, naming them, and asks nobody", async () => {
    const h = await provisionedCustomer();
    const err = await h.core
      .addCustomerUsers({ actor: h.as('olive'), customerId: h.customer.id, users: [h.user(1), { ...h.user(2), email: 'nope' }] })
      .catch((e) => e);
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'users[1].email' }] } });
    expect(h.deps.accessRequests.requests.size).toBe(0);
    expect(h.slack.sent).toEqual([]);
    expect(h.deps.email.accessRequests).toEqual([]);
  });

  it("adds a member's location on approval; a stranger still learns nothing of the customer", async () => {
    const h = await provisionedCustomer();
    await expect(h.core.addLocation({ actor: h.as('otto'), customerId: h.customer.id, location: BRANCH })).rejects.toMatchObject({
      code: 'CUSTOMER_NOT_FOUND',
    });
    await expect(h.core.addLocation({ actor: h.as('olive'), customerId: h.customer.id, location: BRANCH })).rejects.toMatchObject({
      code: 'ADMIN_APPROVAL_REQUESTED',
    });
    expect(h.deps.accessRequests.requests.size).toBe(1);
    expect(h.webex.callsOf('createLocation')).toEqual([]);
    const decided = await h.approveLast();
    expect(decided.outcome).toMatchObject({ ok: true, result: { kind: 'location-added', location: { name: 'Lyon branch' } } });
    const read = await h.core.getCustomer({ actor: h.as('olive'), customerId: h.customer.id });
    expect(read.locations.map((l) => l.name)).toEqual(['Headquarters', 'Lyon branch']);
  });

  it('an approved location whose name was taken meanwhile is refused then, and the requester hears why', async () => {
    const h = await provisionedCustomer();
    await h.core.addLocation({ actor: h.as('olive'), customerId: h.customer.id, location: BRANCH }).catch(() => undefined);
    await h.core.addLocation({ actor: h.as('paula'), customerId: h.customer.id, location: BRANCH });
    const decided = await h.approveLast();
    expect(decided.outcome).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(h.webex.callsOf('createLocation')).toHaveLength(1);
    expect(h.slack.told.at(-1)?.outcome).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });

  it('resends a consent email for a member only once an administrator approves; a user who consented meanwhile gets none', async () => {
    const h = await provisionedCustomer();
    h.webex.subscriberAnswers.set('ada2@globex.example', { status: 'pending_user_migration', subscriberId: 'sub-2' });
    h.webex.subscriberAnswers.set('ada3@globex.example', { status: 'pending_user_migration', subscriberId: 'sub-3' });
    await h.core.addCustomerUsers({ actor: h.as('paula'), customerId: h.customer.id, users: [h.user(2), h.user(3)] });
    const resend = (email: string, who: 'olive' | 'otto' = 'olive') =>
      h.core.resendConsentEmail({ actor: h.as(who), customerId: h.customer.id, email });
    await expect(resend('ada2@globex.example')).rejects.toMatchObject({
      code: 'ADMIN_APPROVAL_REQUESTED',
      details: { action: 'resend a consent email for Globex Corporation', administrators: ['Paula Partner'] },
    });
    expect(h.webex.callsOf('resendConsentEmail')).toEqual([]);
    expect(await h.approveLast()).toMatchObject({
      outcome: { ok: true, result: { kind: 'consent-email-resent', email: 'ada2@globex.example', customerName: 'Globex Corporation' } },
    });
    expect(h.webex.callsOf('resendConsentEmail')).toEqual([{ method: 'resendConsentEmail', subscriberId: 'sub-2' }]);

    await expect(resend('ada3@globex.example')).rejects.toMatchObject({ code: 'ADMIN_APPROVAL_REQUESTED' });
    // Ada3 consents while the request waits: Webex moves her in, and nothing is left to resend.
    await h.deps.customerUsers.record(h.customer.id, 'ada3@globex.example', {
      status: 'provisioned',
      subscriberId: 'sub-3',
      message: 'Created.',
      updatedAt: h.deps.clock.now(),
    });
    expect(await h.approveLast()).toMatchObject({ outcome: { ok: false, code: 'INVALID_STATE' } });
    expect(h.webex.callsOf('resendConsentEmail')).toHaveLength(1);
  });

  it('asks nobody to resend a consent email nobody waits for, and a stranger learns nothing of the customer', async () => {
    const h = await provisionedCustomer();
    await h.core.addCustomerUsers({ actor: h.as('paula'), customerId: h.customer.id, users: [h.user(1)] });
    await expect(
      h.core.resendConsentEmail({ actor: h.as('olive'), customerId: h.customer.id, email: 'ada1@globex.example' }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(
      h.core.resendConsentEmail({ actor: h.as('otto'), customerId: h.customer.id, email: 'ada1@globex.example' }),
    ).rejects.toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
    expect(h.deps.accessRequests.requests.size).toBe(0);
    expect(h.webex.callsOf('resendConsentEmail')).toEqual([]);
  });
});
