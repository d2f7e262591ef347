import { describe, expect, it } from 'vitest';
import { workflowHarness } from '../../test/fakes/core-harness';

async function orders() {
  const h = await workflowHarness();
  const phone = { Phone: { phoneType: '7945' } };
  await h.core.registerSubscriber({
    actor: h.as('ada'),
    subscriber: { login: 'bob.sub', domain: 'other.example', firstName: 'Bo', lastName: 'Sub', email: 'bo@other.example' },
  });
  await h.core.placeWorkOrder({ actor: h.as('olive'), origin: 'chat', subscriberLogin: 'jdoe', orderable: 'Phone', attributes: phone });
  h.deps.clock.set('2026-11-24T09:00:00Z');
  await h.core.placeWorkOrder({
    actor: h.as('ada'),
    origin: 'api',
    subscriberLogin: 'rroe',
    orderable: 'Phone',
    attributes: phone,
    requestedDeliveryDate: '2026-12-01',
  });
  await h.core.placeWorkOrder({ actor: h.as('bob'), origin: 'chat', subscriberLogin: 'bob.sub', orderable: 'Phone', attributes: phone });
  return h;
}
const numbers = (list: { number: string }[]) => list.map((o) => o.number);

describe('searchWorkOrders ("Searching for an Order")', () => {
  it("finds by order, author, status and subscriber criteria, newest first, within the searcher's domains", async () => {
    const { core, as } = await orders();
    const olive = as('olive');
    expect(numbers(await core.searchWorkOrders({ actor: olive, criteria: {} }))).toEqual(['WO-000002', 'WO-000001']);
    expect(numbers(await core.searchWorkOrders({ actor: olive, criteria: { author: 'ADA' } }))).toEqual(['WO-000002']);
    expect(
      numbers(await core.searchWorkOrders({ actor: olive, criteria: { subscriberName: 'doe', extendedStatus: 'Waiting for Approval' } })),
    ).toEqual(['WO-000001']);
    expect(
      numbers(await core.searchWorkOrders({ actor: olive, criteria: { department: 'support', requestedDeliveryDate: '2026-12-01' } })),
    ).toEqual(['WO-000002']);
    expect(numbers(await core.searchWorkOrders({ actor: olive, criteria: { orderDate: '2026-11-23' } }))).toEqual(['WO-000001']);
    expect(numbers(await core.searchWorkOrders({ actor: olive, criteria: {}, limit: 1 }))).toEqual(['WO-000002']);
    expect(numbers(await core.searchWorkOrders({ actor: olive, criteria: { orderNumber: ' wo-000001' } }))).toEqual(['WO-000001']);
  });

  it("an administrator of every domain sees them all; Bob only his own domain's", async () => {
    const { core, as } = await orders();
    expect(numbers(await core.searchWorkOrders({ actor: as('ada'), criteria: {} }))).toEqual(['WO-000003', 'WO-000002', 'WO-000001']);
    expect(numbers(await core.searchWorkOrders({ actor: as('bob'), criteria: {} }))).toEqual(['WO-000003']);
    await expect(core.searchWorkOrders({ actor: as('bob'), criteria: { domain: 'acme.example' } })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { reason: 'it needs the Ordering role in acme.example' },
    });
  });

  it('searches only where the searcher orders: a shipper in acme who orders elsewhere finds nothing of acme', async () => {
    const { core, deps } = await orders();
    const user = await deps.users.upsert({
      email: 'mixed@other.example',
      name: 'Mia Mixed',
      roles: [
        { role: 'Ordering', domain: 'other.example' },
        { role: 'Shipping', domain: 'acme.example' },
      ],
    });
    const actor = { channel: 'slack' as const, name: user.name, email: user.email, platformUserId: null, user };
    expect(numbers(await core.searchWorkOrders({ actor, criteria: {} }))).toEqual(['WO-000003']);
    await expect(core.searchWorkOrders({ actor, criteria: { domain: 'acme.example', subscriberName: 'jane' } })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
  });

  it('needs the Ordering role', async () => {
    const { core, as } = await orders();
    await expect(core.searchWorkOrders({ actor: as('april'), criteria: {} })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { action: 'search orders' },
    });
  });
});

describe('getWorkOrder', () => {
  it('shows the order with its activities and subscriber to its author and to roles of its domain only', async () => {
    const { core, as } = await orders();
    const details = await core.getWorkOrder({ actor: as('april'), orderNumber: 'WO-000001' });
    expect(details).toMatchObject({ order: { number: 'WO-000001' }, activities: [{ kind: 'Approval' }], subscriber: { login: 'jdoe' } });
    await expect(core.getWorkOrder({ actor: as('bob'), orderNumber: 'WO-000001' })).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    await expect(core.getWorkOrder({ actor: as('bob'), orderNumber: 'WO-000003' })).resolves.toMatchObject({
      order: { subscriberLogin: 'bob.sub' },
    });
    await expect(core.getWorkOrder({ actor: as('olive'), orderNumber: 'WO-000404' })).rejects.toMatchObject({
      code: 'WORK_ORDER_NOT_FOUND',
      details: { orderNumber: 'WO-000404' },
    });
  });

  it("gives the directory's name of each person an activity is assigned to, and of no one it does not know", async () => {
    const { core, as } = await orders();
    const before = await core.getWorkOrder({ actor: as('april'), orderNumber: 'WO-000001' });
    expect(before.assigneeNames).toEqual({});
    const approval = before.activities[0]!;
    await core.actOnActivity({
      actor: as('april'),
      activityId: approval.id,
      action: { kind: 'delegate', to: { kind: 'user', email: 'arthur@acme.example' } },
    });
    const named = await core.getWorkOrder({ actor: as('april'), orderNumber: 'WO-000001' });
    expect(named.activities.map((a) => a.assignee)).toContainEqual({ kind: 'user', email: 'arthur@acme.example' });
    expect(named.assigneeNames).toEqual({ 'arthur@acme.example': 'Arthur Approver' });
  });
});
