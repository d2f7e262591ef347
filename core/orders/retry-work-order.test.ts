import { describe, expect, it } from 'vitest';
import { workflowHarness } from '../../test/fakes/core-harness';
import type { OrderOrigin } from './model/work-order';

/** Rules under which an Add order goes straight to the backend. */
const noSteps = { isAuthorizationRequiredForAddOrder: false, phoneAssignmentDoneBy: null };

async function failing(origin: OrderOrigin, kind: 'recoverable' | 'unrecoverable') {
  const h = await workflowHarness(noSteps);
  h.deps.backend.fail('Voicemail', kind, 'Unity Connection refused the mailbox');
  const placed = await h.core.placeWorkOrder({
    actor: h.as('olive'),
    origin,
    subscriberLogin: 'jdoe',
    orderable: 'Enhanced Phone Service',
    attributes: { Phone: { phoneType: '7945' } },
  });
  return { ...h, order: placed.order };
}

describe('execution failures ("Work Order States")', () => {
  it('from chat: stays Released with the error, awaiting retry or abort; what was provisioned is in the record, marked', async () => {
    const { deps, order } = await failing('chat', 'unrecoverable');
    expect(order).toMatchObject({
      state: 'Released',
      extendedStatus: 'Unrecoverable Error',
      failure: { productType: 'Voicemail', kind: 'unrecoverable', message: 'Unity Connection refused the mailbox' },
    });
    expect(order.items.map((i) => i.productId)).toEqual(['prod-1', 'prod-2', null]);
    expect((await deps.subscribers.listProducts('jdoe')).map((p) => [p.type, p.openOrderNumber])).toEqual([
      ['Phone', 'WO-000001'],
      ['Line', 'WO-000001'],
    ]);
    expect(deps.workOrders.events).toEqual([
      {
        type: 'order-failure',
        domain: 'acme.example',
        orderNumber: 'WO-000001',
        occurredAt: new Date('2026-11-23T10:00:00Z'),
        detail: { productType: 'Voicemail', kind: 'unrecoverable', message: 'Unity Connection refused the mailbox' },
      },
    ]);
    expect(deps.email.outcomes).toEqual([]);
  });

  it('from the API: straight to Hold; from a batch: Hold only when unrecoverable', async () => {
    expect((await failing('api', 'recoverable')).order).toMatchObject({ state: 'Hold', extendedStatus: 'Recoverable Error' });
    expect((await failing('batch', 'recoverable')).order).toMatchObject({ state: 'Released', extendedStatus: 'Recoverable Error' });
    expect((await failing('batch', 'unrecoverable')).order).toMatchObject({ state: 'Hold', extendedStatus: 'Unrecoverable Error' });
  });

  it('a backend that does not answer is a recoverable error', async () => {
    const h = await workflowHarness(noSteps);
    h.deps.backend.down = 'ECONNREFUSED';
    const placed = await h.core.placeWorkOrder({
      actor: h.as('olive'),
      origin: 'chat',
      subscriberLogin: 'jdoe',
      orderable: 'Phone',
      attributes: { Phone: { phoneType: '7945' } },
    });
    expect(placed.order).toMatchObject({
      state: 'Released',
      extendedStatus: 'Recoverable Error',
      failure: { message: 'the provisioning backend did not answer' },
    });
  });
});

describe('retryWorkOrder and abortWorkOrder', () => {
  it('retry runs only what is left, completes the order, clears the marks and tells Jane', async () => {
    const { core, deps, as } = await failing('chat', 'recoverable');
    const retried = await core.retryWorkOrder({ actor: as('olive'), orderNumber: 'wo-000001' });
    expect(retried.order).toMatchObject({ state: 'Completed', extendedStatus: null, failure: null });
    expect(deps.backend.calls.map((c) => c.items.map((i) => i.type))).toEqual([['Phone', 'Line', 'Voicemail'], ['Voicemail']]);
    expect((await deps.subscribers.listProducts('jdoe')).map((p) => [p.id, p.type, p.parentId, p.openOrderNumber])).toEqual([
      ['prod-1', 'Phone', null, null],
      ['prod-2', 'Line', 'prod-1', null],
      ['prod-3', 'Voicemail', 'prod-2', null],
    ]);
    expect(deps.email.outcomes).toEqual([{ orderNumber: 'WO-000001', to: 'jane.doe@acme.example', outcome: 'provisioned' }]);
  });

  it('abort puts the order on Hold and its products lose the open-order mark', async () => {
    const { core, deps, as } = await failing('chat', 'unrecoverable');
    const aborted = await core.abortWorkOrder({ actor: as('olive'), orderNumber: 'WO-000001' });
    expect(aborted.order).toMatchObject({ state: 'Hold', extendedStatus: 'Unrecoverable Error' });
    expect(aborted.subscriber).toMatchObject({ login: 'jdoe' });
    expect((await deps.subscribers.listProducts('jdoe')).map((p) => p.openOrderNumber)).toEqual([null, null]);
  });

  it('neither applies to an order without an error, nor for someone without Ordering; nothing changes', async () => {
    const h = await workflowHarness();
    await h.core.placeWorkOrder({
      actor: h.as('olive'),
      origin: 'chat',
      subscriberLogin: 'jdoe',
      orderable: 'Phone',
      attributes: { Phone: { phoneType: '7945' } },
    });
    await expect(h.core.retryWorkOrder({ actor: h.as('olive'), orderNumber: 'WO-000001' })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      details: {
        reason:
          'order WO-000001 is Released (Waiting for Approval); only a Released order with an error, or one Being Provisioned for over 10 minutes, can be retried',
      },
    });
    const { core, deps, as } = await failing('chat', 'recoverable');
    const before = await deps.workOrders.findByNumber('WO-000001');
    await expect(core.abortWorkOrder({ actor: as('april'), orderNumber: 'WO-000001' })).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    await expect(core.retryWorkOrder({ actor: as('olive'), orderNumber: 'WO-999999' })).rejects.toMatchObject({
      code: 'WORK_ORDER_NOT_FOUND',
    });
    expect(await deps.workOrders.findByNumber('WO-000001')).toEqual(before);
  });

  it('an approval stands when recording the provisioning result fails; the order can be retried once stuck, not before', async () => {
    const h = await workflowHarness({ phoneAssignmentDoneBy: null });
    const placed = await h.core.placeWorkOrder({
      actor: h.as('olive'),
      origin: 'chat',
      subscriberLogin: 'jdoe',
      orderable: 'Phone',
      attributes: { Phone: { phoneType: '7945' } },
    });
    const commit = h.deps.workOrders.commit.bind(h.deps.workOrders);
    let failNext = false;
    h.deps.workOrders.commit = async (change) => {
      if (failNext) throw new Error('database is locked');
      failNext = change.order.next.extendedStatus === 'Being Provisioned';
      return commit(change);
    };
    const acted = await h.core.actOnActivity({ actor: h.as('april'), activityId: placed.activities[0]!.id, action: { kind: 'approve' } });
    expect(acted.order).toMatchObject({ state: 'Released', extendedStatus: 'Being Provisioned' });
    expect(acted.activity.status).toBe('Done');
    h.deps.workOrders.commit = commit;

    await expect(h.core.retryWorkOrder({ actor: h.as('olive'), orderNumber: placed.order.number })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    h.deps.clock.set('2026-11-23T10:11:00Z');
    const retried = await h.core.retryWorkOrder({ actor: h.as('olive'), orderNumber: placed.order.number });
    expect(retried.order).toMatchObject({ state: 'Completed' });
    expect((await h.deps.subscribers.listProducts('jdoe')).map((p) => p.type)).toEqual(['Phone']);
  });
});
