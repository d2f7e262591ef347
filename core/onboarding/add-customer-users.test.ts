import { describe, expect, it } from 'vitest';
import { customerInput, onboardingHarness } from '../../test/fixtures/onboarding';
import { ProvisioningUnavailable } from '../../test/fakes/scripted-customer-provisioning';

/** A provisioned customer (Globex, US headquarters) with webex_calling and webex_meetings. */
async function provisionedCustomer() {
  const h = await onboardingHarness();
  const template = await h.template();
  h.webex.nextPolls = [{ status: 'provisioned', orgId: 'org-globex' }];
  const customer = await h.core.createCustomer({
    actor: h.as('paula'),
    customer: customerInput(template.id, { packages: ['webex_calling', 'webex_meetings'] }),
  });
  await h.core.refreshProvisioningCustomers();
  const hq = customer.locations[0]!.id;
  const user = (n: number, overrides: Record<string, unknown> = {}) => ({
    firstName: `Ada${n}`,
    lastName: 'Lovelace',
    email: `ada${n}@globex.example`,
    package: 'webex_calling',
    locationId: hq,
    phoneNumber: `+1201555010${n}`,
    extension: `10${n}`,
    ...overrides,
  });
  const add = (users: unknown, who: 'paula' | 'olive' | 'otto' = 'paula') =>
    h.core.addCustomerUsers({ actor: h.as(who), customerId: customer.id, users });
  return { ...h, customer, hq, user, add };
}

describe('addCustomerUsers', () => {
  it('creates each user on Webex in the customer organization and answers one result per user, in order', async () => {
    const h = await provisionedCustomer();
    h.webex.subscriberAnswers.set('ada2@globex.example', { status: 'pending_user_migration', subscriberId: 'sub-2' });
    h.webex.subscriberAnswers.set('ada3@globex.example', { status: 'refused', code: '10022', message: 'User already exists.' });
    const results = await h.add([
      h.user(1, { adminRole: 'Read-only Administrator' }),
      h.user(2),
      h.user(3, { package: 'webex_meetings', phoneNumber: '', extension: '' }),
    ]);
    expect(results).toEqual([
      { email: 'ada1@globex.example', status: 'provisioned', message: 'Created.' },
      { email: 'ada2@globex.example', status: 'pending_user_migration', message: expect.stringContaining('consent email') },
      { email: 'ada3@globex.example', status: 'refused', message: expect.stringContaining('already belongs to a Webex user') },
    ]);
    expect(h.webex.callsOf('createSubscriber')[0]?.request).toEqual({
      customerId: h.webex.lastCustomerId,
      email: 'ada1@globex.example',
      package: 'webex_calling',
      firstName: 'Ada1',
      lastName: 'Lovelace',
      primaryPhoneNumber: '+12015550101',
      extension: '101',
      locationId: undefined,
    });
    expect(await h.deps.customerUsers.find(h.customer.id, 'ada2@globex.example')).toMatchObject({ subscriberId: 'sub-2' });
  });

  it('refuses the whole batch naming every bad row and input, and creates nothing', async () => {
    const h = await provisionedCustomer();
    const bad = [
      h.user(0),
      h.user(1, { phoneNumber: '+33142685300' }),
      h.user(2, { email: 'not-an-email', locationId: 'loc-nowhere' }),
      h.user(3, { package: 'webex_meetings' }),
      h.user(4, { adminRole: 'Boss' }),
      h.user(5, { email: 'ada0@globex.example', package: 'webex_suite' }),
      h.user(6, { email: 'it-admin@globex.example', package: 'webex_calling', phoneNumber: undefined, extension: undefined }),
    ];
    const failure = await h.add(bad).catch((e) => e);
    expect(failure).toMatchObject({ code: 'VALIDATION_FAILED' });
    const fields = failure.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual([
      'users[1].phoneNumber',
      'users[2].email',
      'users[2].locationId',
      'users[3].phoneNumber',
      'users[3].extension',
      'users[4].adminRole',
      'users[5].email',
      'users[5].package',
    ]);
    expect(failure.details.fields[0].message).toContain("location's country (US)");
    expect(h.webex.callsOf('createSubscriber')).toEqual([]);
    expect(await h.deps.customerUsers.list(h.customer.id)).toEqual([]);
  });

  it("refuses a lower package for the customer's administrator with the seed's reason, creating nothing", async () => {
    const h = await provisionedCustomer();
    const admin = h.user(1, { email: 'IT-Admin@globex.example', package: 'webex_calling' });
    expect(await h.add([admin])).toEqual([{ email: 'it-admin@globex.example', status: 'provisioned', message: 'Created.' }]);
    // The downgrade needs a customer created with the suite.
    const h2 = await provisionedCustomer();
    const t = await h2.template({ name: 'Suite', packages: ['webex_suite', 'webex_meetings'] });
    h2.webex.nextPolls = [{ status: 'provisioned', orgId: 'org-suite' }];
    const suite = await h2.core.createCustomer({
      actor: h2.as('paula'),
      customer: customerInput(t.id, { name: 'Suite Co', adminEmail: 'boss@suite.example', packages: ['webex_suite', 'webex_meetings'] }),
    });
    await h2.core.refreshProvisioningCustomers();
    const failure = await h2.core
      .addCustomerUsers({
        actor: h2.as('paula'),
        customerId: suite.id,
        users: [
          { firstName: 'B', lastName: 'Oss', email: 'boss@suite.example', package: 'webex_meetings', locationId: suite.locations[0]!.id },
        ],
      })
      .catch((e) => e);
    expect(failure.details.fields).toEqual([
      {
        field: 'users[0].package',
        message:
          'boss@suite.example is the customer administrator. No downgrade of the package is supported for the customer administrator (full administrator).',
      },
    ]);
    expect(await h2.deps.customerUsers.list(suite.id)).toEqual([]);
  });

  it('creates each user once: a retried batch skips the users already created and retries the failed', async () => {
    const h = await provisionedCustomer();
    h.webex.subscriberAnswers.set('ada2@globex.example', new ProvisioningUnavailable('Webex answered 429', 30_000));
    const first = await h.add([h.user(1), h.user(2), h.user(3)]);
    expect(first.map((r) => r.status)).toEqual(['provisioned', 'error', 'error']);
    expect(first[1]?.message).toContain('send the same list again later');
    expect(h.webex.callsOf('createSubscriber').map((c) => c.request.email)).toEqual(['ada1@globex.example', 'ada2@globex.example']);
    h.webex.subscriberAnswers.clear();
    const again = await h.add([h.user(1), h.user(2), h.user(3)]);
    expect(again.map((r) => r.status)).toEqual(['provisioned', 'provisioned', 'provisioned']);
    expect(h.webex.callsOf('createSubscriber').map((c) => c.request.email)).toEqual([
      'ada1@globex.example',
      'ada2@globex.example',
      'ada2@globex.example',
      'ada3@globex.example',
    ]);
  });

  it('refuses an orderer (who asks the administrators instead), a stranger and a customer not yet provisioned, creating nothing', async () => {
    const h = await provisionedCustomer();
    await expect(h.add([h.user(1)], 'olive')).rejects.toMatchObject({ code: 'ADMIN_APPROVAL_REQUESTED' });
    await expect(h.add([h.user(1)], 'otto')).rejects.toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
    h.webex.nextPolls = [{ status: 'provisioning' }];
    const template = await h.template({ name: 'Other' });
    const pending = await h.core.createCustomer({ actor: h.as('paula'), customer: customerInput(template.id, { name: 'Pending Co' }) });
    await expect(
      h.core.addCustomerUsers({
        actor: h.as('paula'),
        customerId: pending.id,
        users: [h.user(1, { locationId: pending.locations[0]!.id })],
      }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(h.webex.callsOf('createSubscriber')).toEqual([]);
  });
});

describe('resendConsentEmail', () => {
  it('resends to a user waiting for consent, and refuses one who is not', async () => {
    const h = await provisionedCustomer();
    h.webex.subscriberAnswers.set('ada2@globex.example', { status: 'pending_user_migration', subscriberId: 'sub-2' });
    await h.add([h.user(1), h.user(2)]);
    await h.core.resendConsentEmail({ actor: h.as('paula'), customerId: h.customer.id, email: 'ADA2@globex.example' });
    expect(h.webex.callsOf('resendConsentEmail')).toEqual([{ method: 'resendConsentEmail', subscriberId: 'sub-2' }]);
    await expect(
      h.core.resendConsentEmail({ actor: h.as('paula'), customerId: h.customer.id, email: 'ada1@globex.example' }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });
});
