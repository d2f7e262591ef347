import { describe, expect, it } from 'vitest';
import type { Actor, Order } from '../index';
import { newOrderLine } from '../index';
import { customerInput, onboardingHarness } from '../../test/fixtures/onboarding';
import type { ScriptedState } from '../../test/fakes/scripted-customer-provisioning';

/** "the reply is immediate, and one message in the conversation is updated in place". */

async function harness(states: ScriptedState[], o: { autoDispatch?: boolean } = {}) {
  const h = await onboardingHarness();
  h.autoDispatch.enabled = o.autoDispatch ?? true;
  const template = await h.template();
  h.webex.nextPolls = states;
  const create = (actor: Actor, overrides: Record<string, unknown> = {}) =>
    h.core.createCustomer({ actor, customer: customerInput(template.id, overrides) });
  const statusPosts = () => h.slack.notices.filter((n) => n.notice.kind === 'customer-status');
  const statusUpdates = () => h.slack.updates.filter((u) => u.notice.kind === 'customer-status');
  const offers = () => h.slack.notices.filter((n) => n.notice.kind === 'services-setup-offer');
  return { ...h, create, statusPosts, statusUpdates, offers };
}

const statusOf = (n: { notice: unknown }) => (n.notice as { status: string }).status;

describe("the creator's status message", () => {
  it('is posted once at creation, Provisioning, with the packages and headquarters asked for, and its place is stored', async () => {
    const h = await harness([]);
    const customer = await h.create(h.as('paula'), { packages: ['webex_calling', 'webex_meetings'] });
    expect(h.statusPosts()).toHaveLength(1);
    const [post] = h.statusPosts();
    expect(post!.to).toEqual({ kind: 'user', platformUserId: 'UPAULA', email: 'paula@acme.example' });
    expect(post!.notice).toMatchObject({ status: 'provisioning', offerServicesSetup: false });
    const shown = (post!.notice as { customer: typeof customer }).customer;
    expect(shown.packages).toEqual(['webex_calling', 'webex_meetings']);
    expect(shown.locations.find((l) => l.headquarters)?.address.city).toBe('Springfield');
    expect(await h.deps.customers.listPostedMessages(customer.id)).toEqual([post!.message]);
  });

  it('is caught up when the customer settled while it was on its way: posted as Provisioning, then updated in place', async () => {
    const h = await harness([{ status: 'provisioned', orgId: 'org-race' }], { autoDispatch: false });
    const customer = await h.create(h.as('paula'));
    // The poll settles it before the dispatcher posted the message: no copy to update yet.
    expect(await h.core.refreshProvisioningCustomers()).toMatchObject({ changed: 1 });
    await h.core.dispatchDeliveries();
    await h.core.dispatchDeliveries();
    expect(h.statusPosts().map(statusOf)).toEqual(['provisioning']);
    expect(h.statusUpdates().map((u) => [u.message, statusOf(u)])).toEqual([[h.statusPosts()[0]!.message, 'provisioned']]);
    expect(h.deps.email.notices.filter((n) => n.notice.kind === 'customer-welcome').map((n) => n.to)).toEqual([customer.adminEmail]);
  });

  it('is not posted for a customer created through the API: its creator gets the settled status by email', async () => {
    const h = await harness([{ status: 'error' }]);
    const api: Actor = { ...h.as('paula'), channel: 'api', platformUserId: null };
    await h.create(api);
    expect(h.statusPosts()).toEqual([]);
    await h.core.refreshProvisioningCustomers();
    expect(h.statusPosts()).toEqual([]);
    expect(h.statusUpdates()).toEqual([]);
    const emails = h.deps.email.notices.filter((n) => n.notice.kind === 'customer-status');
    expect(emails.map((n) => [n.to, statusOf(n)])).toEqual([['paula@acme.example', 'error']]);
  });
});

describe('the services setup offer to the placer of a mapped subscription order', () => {
  async function subscriptionCustomer(placers: { number: string; email: string; name: string }[]) {
    const h = await harness([{ status: 'provisioned', orgId: 'org-sub' }]);
    await h.deps.users.upsert({
      email: 'ada@acme.example',
      name: 'Ada Admin',
      slackUserId: 'UADA',
      roles: [{ role: 'Administrator', domain: 'acme.example' }],
    });
    for (const p of placers) await h.deps.orders.create(order(h.deps.clock.now(), p));
    const customer = await h.create(h.as('paula'), { subscriptionId: 'Sub-42' });
    await h.core.refreshProvisioningCustomers();
    return { ...h, customer };
  }

  it('asks a placer who may run the setup, in their direct chat, once per order', async () => {
    const h = await subscriptionCustomer([{ number: 'ORD-41', email: 'ada@acme.example', name: 'Ada Admin' }]);
    expect(h.offers().map((n) => [n.to, n.notice])).toEqual([
      [
        { kind: 'user', platformUserId: 'UADA', email: 'ada@acme.example' },
        expect.objectContaining({ orderNumber: 'ORD-41', customer: expect.objectContaining({ id: h.customer.id }) }),
      ],
    ]);
    await h.core.refreshProvisioningCustomers();
    expect(h.offers()).toHaveLength(1);
  });

  it('does not ask a placer who may not run it, nor the creator, whose status message already asks', async () => {
    const h = await subscriptionCustomer([
      { number: 'ORD-51', email: 'olive@acme.example', name: 'Olive Orderer' },
      { number: 'ORD-52', email: 'paula@acme.example', name: 'Paula Partner' },
    ]);
    expect((await h.deps.orders.findByNumber('ORD-51'))?.lines.every((l) => l.organizationId === 'org-sub')).toBe(true);
    expect(h.offers()).toEqual([]);
    expect(h.statusUpdates().map((u) => u.notice)).toEqual([expect.objectContaining({ offerServicesSetup: true })]);
  });
});

function order(createdAt: Date, p: { number: string; email: string; name: string }): Order {
  return {
    number: p.number,
    subscriptionId: 'Sub-42',
    offer: 'A-Flex',
    domain: 'acme.example',
    placedBy: { email: p.email, name: p.name },
    requestedStartDate: createdAt.toISOString().slice(0, 10),
    createdAt,
    lines: [newOrderLine({ lineNumber: 1, product: 'Webex Calling', provisioningContactEmail: 'it@globex.example' })],
  };
}
