import { describe, expect, it } from 'vitest';
import type { Order } from '../index';
import { newOrderLine } from '../index';
import { customerInput, onboardingHarness } from '../../test/fixtures/onboarding';
import { ProvisioningUnavailable } from '../../test/fakes/scripted-customer-provisioning';
import type { ScriptedState } from '../../test/fakes/scripted-customer-provisioning';

/** A customer created by Paula in Slack, whose polls answer `states` in turn. */
async function customerPolling(states: ScriptedState[], overrides: Record<string, unknown> = {}) {
  const h = await onboardingHarness();
  const template = await h.template();
  h.webex.nextPolls = states;
  const customer = await h.core.createCustomer({ actor: h.as('paula'), customer: customerInput(template.id, overrides) });
  const posts = () => h.slack.notices.filter((n) => n.notice.kind === 'customer-status');
  // The one status message as posted, then each update of it in place: [where, status].
  const told = () => [
    ...posts().map((n) => [n.to, (n.notice as { status: string }).status]),
    ...h.slack.updates.filter((u) => u.notice.kind === 'customer-status').map((u) => [u.message, (u.notice as { status: string }).status]),
  ];
  const welcomes = () => h.deps.email.notices.filter((n) => n.notice.kind === 'customer-welcome');
  const message = () => posts()[0]!.message;
  return { ...h, customer, told, welcomes, posts, message };
}

const PAULA_DM = { kind: 'user', platformUserId: 'UPAULA', email: 'paula@acme.example' };

describe('refreshProvisioningCustomers', () => {
  it("records a provisioned customer, updates its creator's status message in place and welcomes its administrator, once", async () => {
    const h = await customerPolling([{ status: 'provisioning' }, { status: 'provisioned', orgId: 'org-globex' }]);
    expect(h.told()).toEqual([[PAULA_DM, 'provisioning']]);
    expect(await h.core.refreshProvisioningCustomers()).toEqual({ polled: 1, changed: 0, unavailable: 0 });
    expect(h.told()).toEqual([[PAULA_DM, 'provisioning']]);

    expect(await h.core.refreshProvisioningCustomers()).toMatchObject({ changed: 1 });
    const stored = await h.core.getCustomer({ actor: h.as('paula'), customerId: h.customer.id });
    expect(stored).toMatchObject({ status: 'provisioned', orgId: 'org-globex' });
    expect(h.told()).toEqual([
      [PAULA_DM, 'provisioning'],
      [h.message(), 'provisioned'],
    ]);
    expect(h.slack.updates[0]!.notice).toMatchObject({ offerServicesSetup: true });
    expect(h.welcomes()).toEqual([
      expect.objectContaining({
        to: 'it-admin@globex.example',
        notice: expect.objectContaining({ adminPortalUrl: 'https://admin.webex.com' }),
      }),
    ]);

    expect(await h.core.refreshProvisioningCustomers()).toEqual({ polled: 0, changed: 0, unavailable: 0 });
    expect(h.told()).toHaveLength(2);
    expect(h.welcomes()).toHaveLength(1);
  });

  it('keeps each package with its status and the reasons Webex gave', async () => {
    const packages = [
      {
        name: 'webex_calling',
        status: 'error',
        warnings: [],
        errors: [{ code: '7001', description: 'No PSTN was found for the location.' }],
      },
      {
        name: 'webex_meetings',
        status: 'provisioned',
        warnings: [{ code: 'w1', description: 'The site name was shortened.' }],
        errors: [],
      },
    ];
    const h = await customerPolling([{ status: 'provisioned_with_errors', orgId: 'org-1', packages }], {
      packages: ['webex_calling', 'webex_meetings'],
    });
    await h.core.refreshProvisioningCustomers();
    const stored = await h.core.getCustomer({ actor: h.as('paula'), customerId: h.customer.id });
    expect(stored.status).toBe('provisioned_with_errors');
    expect(stored.packageResults).toEqual([
      { name: 'webex_calling', status: 'error', reasons: ['No PSTN was found for the location.'] },
      { name: 'webex_meetings', status: 'provisioned', reasons: ['The site name was shortened.'] },
    ]);
    expect(h.told()).toEqual([
      [PAULA_DM, 'provisioning'],
      [h.message(), 'provisioned_with_errors'],
    ]);
    expect(h.welcomes()).toHaveLength(1);
  });

  it('records a compliance review, keeps asking, and tells again when it ends', async () => {
    const h = await customerPolling([
      { status: 'pending_rpl_review' },
      { status: 'pending_rpl_review' },
      { status: 'provisioned', orgId: 'org-2' },
    ]);
    await h.core.refreshProvisioningCustomers();
    expect((await h.deps.customers.findById(h.customer.id))?.status).toBe('pending_compliance_review');
    expect(h.welcomes()).toEqual([]);
    await h.core.refreshProvisioningCustomers();
    await h.core.refreshProvisioningCustomers();
    expect(h.told()).toEqual([
      [PAULA_DM, 'provisioning'],
      [h.message(), 'pending_compliance_review'],
      [h.message(), 'provisioned'],
    ]);
    expect(h.slack.updates.map((u) => (u.notice as { offerServicesSetup: boolean }).offerServicesSetup)).toEqual([false, true]);
    expect(h.welcomes()).toHaveLength(1);
  });

  it('tells the creator of an error and welcomes nobody', async () => {
    const h = await customerPolling([{ status: 'error' }]);
    await h.core.refreshProvisioningCustomers();
    expect((await h.deps.customers.findById(h.customer.id))?.status).toBe('error');
    expect(h.told()).toEqual([
      [PAULA_DM, 'provisioning'],
      [h.message(), 'error'],
    ]);
    expect(h.slack.updates[0]!.notice).toMatchObject({ offerServicesSetup: false });
    expect(h.welcomes()).toEqual([]);
  });

  it('leaves a customer to the next poll while Webex cannot answer', async () => {
    const h = await customerPolling([{ status: 'provisioned', orgId: 'org-3' }]);
    h.webex.unavailable = new ProvisioningUnavailable('503 Service Unavailable');
    expect(await h.core.refreshProvisioningCustomers()).toEqual({ polled: 1, changed: 0, unavailable: 1 });
    expect((await h.deps.customers.findById(h.customer.id))?.status).toBe('provisioning');
    h.webex.unavailable = null;
    expect(await h.core.refreshProvisioningCustomers()).toMatchObject({ changed: 1 });
  });

  it("brings every line of the subscription's orders to the PONR with the customer's orgId, and no other order's", async () => {
    const h = await customerPolling([{ status: 'provisioned', orgId: 'org-globex' }], { subscriptionId: 'Sub-777' });
    const order = (number: string, subscriptionId: string): Order => ({
      number,
      subscriptionId,
      offer: 'A-Flex',
      domain: 'acme.example',
      placedBy: { email: 'olive@acme.example', name: 'Olive Orderer' },
      requestedStartDate: '2026-11-20',
      createdAt: h.deps.clock.now(),
      lines: [1, 2].map((n) => newOrderLine({ lineNumber: n, product: 'Webex Calling', provisioningContactEmail: 'it@globex.example' })),
    });
    await h.deps.orders.create(order('ORD-7', 'Sub-777'));
    await h.deps.orders.create(order('ORD-8', 'Sub-888'));

    await h.core.refreshProvisioningCustomers();
    const onboarded = await h.deps.orders.findByNumber('ORD-7');
    expect(onboarded?.lines.map((l) => [l.ponrAt, l.organizationId])).toEqual([
      [h.deps.clock.now(), 'org-globex'],
      [h.deps.clock.now(), 'org-globex'],
    ]);
    expect((await h.deps.orders.findByNumber('ORD-8'))?.lines.map((l) => l.ponrAt)).toEqual([null, null]);
  });
});
