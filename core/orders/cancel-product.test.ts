import { describe, expect, it } from 'vitest';
import { workflowHarness } from '../../test/fakes/core-harness';

async function janeWithLine(rules = {}) {
  const h = await workflowHarness(rules);
  const seed = h.deps.subscribers.seed.bind(h.deps.subscribers);
  seed({ id: 'phone', subscriberLogin: 'jdoe', type: 'Phone', attributes: { phoneType: '7945' } });
  seed({ id: 'line', subscriberLogin: 'jdoe', type: 'Line', parentId: 'phone' });
  seed({ id: 'vm', subscriberLogin: 'jdoe', type: 'Voicemail', parentId: 'line' });
  seed({ id: 'em', subscriberLogin: 'jdoe', type: 'Email', parentId: 'line' });
  return h;
}

describe('cancelProduct', () => {
  it('cancelling a line cancels its voicemail and email too, deepest first, and leaves the phone', async () => {
    const { core, deps, as } = await janeWithLine();
    const placed = await core.cancelProduct({ actor: as('olive'), origin: 'chat', productId: 'line' });
    expect(placed.order).toMatchObject({ kind: 'Cancel', orderable: 'Line', state: 'Completed' });
    expect(placed.order.items.map((i) => [i.type, i.productId])).toEqual([
      ['Voicemail', 'vm'],
      ['Email', 'em'],
      ['Line', 'line'],
    ]);
    expect(deps.backend.calls[0]!.items.map((i) => i.productId)).toEqual(['vm', 'em', 'line']);
    expect((await deps.subscribers.listProducts('jdoe')).map((p) => p.id)).toEqual(['phone']);
  });

  it('while it waits for approval, the products carry the open order; a rejection clears the mark and removes nothing', async () => {
    const { core, deps, as } = await janeWithLine({ isAuthorizationRequiredForCancelOrder: true });
    const placed = await core.cancelProduct({ actor: as('olive'), origin: 'chat', productId: 'vm' });
    expect(placed.order.extendedStatus).toBe('Waiting for Approval');
    const marks = async () => (await deps.subscribers.listProducts('jdoe')).map((p) => [p.id, p.openOrderNumber]);
    expect(await marks()).toEqual([
      ['phone', null],
      ['line', null],
      ['vm', 'WO-000001'],
      ['em', 'WO-000001'],
    ]);
    await core.actOnActivity({ actor: as('april'), activityId: placed.activities[0]!.id, action: { kind: 'reject' } });
    expect(await marks()).toEqual([
      ['phone', null],
      ['line', null],
      ['vm', null],
      ['em', null],
    ]);
  });

  it('refuses a product with an order already running against it, and writes nothing', async () => {
    const { core, deps, as } = await janeWithLine();
    deps.subscribers.products.get('em')!.openOrderNumber = 'WO-000077';
    await expect(core.cancelProduct({ actor: as('olive'), origin: 'chat', productId: 'line' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'Email em has order WO-000077 running against it; wait until it is processed' },
    });
    expect(deps.workOrders.orders.size).toBe(0);
  });

  it('of two orders placed at the same moment against one product, the first wins and the second writes nothing', async () => {
    const { core, deps, as } = await janeWithLine({ isAuthorizationRequiredForCancelOrder: true });
    const [first, second] = await Promise.allSettled([
      core.cancelProduct({ actor: as('olive'), origin: 'chat', productId: 'vm' }),
      core.cancelProduct({ actor: as('olive'), origin: 'chat', productId: 'em' }),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({
      status: 'rejected',
      reason: { code: 'CONFLICT', details: { reason: expect.stringMatching(/has order WO-000001 running against it/) } },
    });
    expect([...deps.workOrders.orders.keys()]).toEqual(['WO-000001']);
  });

  it("needs Ordering or Administrator in the product's domain", async () => {
    const { core, deps, as } = await janeWithLine();
    await expect(core.cancelProduct({ actor: as('april'), origin: 'chat', productId: 'line' })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { action: 'cancel Line line' },
    });
    await expect(core.cancelProduct({ actor: as('olive'), origin: 'chat', productId: 'gone' })).rejects.toMatchObject({
      code: 'PRODUCT_NOT_FOUND',
    });
    expect(deps.subscribers.products.size).toBe(4);
  });

  it("cancelling a phone that carries other subscribers' lines moves it to the first of them, their lines untouched", async () => {
    const { core, deps, as } = await janeWithLine();
    const seed = deps.subscribers.seed.bind(deps.subscribers);
    deps.subscribers.products.get('phone')!.shared = true;
    seed({ id: 'rline', subscriberLogin: 'rroe', type: 'Line on a Shared Phone', parentId: 'phone' });
    seed({ id: 'rvm', subscriberLogin: 'rroe', type: 'Voicemail', parentId: 'rline' });
    seed({ id: 'sline', subscriberLogin: 'sam', type: 'Line on a Shared Phone', parentId: 'phone' });
    const placed = await core.cancelProduct({ actor: as('olive'), origin: 'chat', productId: 'phone' });
    expect(placed.order).toMatchObject({ kind: 'Cancel', state: 'Completed' });
    expect((await deps.subscribers.listProducts('jdoe')).map((p) => p.id)).toEqual([]);
    // "the associates of the shared line or a phone will move to the second subscriber"
    expect(await deps.subscribers.listProducts('rroe')).toEqual([
      expect.objectContaining({ id: 'phone', subscriberLogin: 'rroe', shared: true, openOrderNumber: null }),
      expect.objectContaining({ id: 'rline', parentId: 'phone' }),
      expect.objectContaining({ id: 'rvm', parentId: 'rline' }),
    ]);
    // In the order provisioned, as adapters/db lists a record: the shared phone came first.
    expect((await deps.subscribers.listProducts('sam')).map((p) => [p.id, p.subscriberLogin])).toEqual([
      ['phone', 'rroe'],
      ['sline', 'sam'],
    ]);
  });

  it('a phone left with one other subscriber on it is theirs and no longer shared', async () => {
    const { core, deps, as } = await janeWithLine();
    deps.subscribers.products.get('phone')!.shared = true;
    deps.subscribers.seed({ id: 'rline', subscriberLogin: 'rroe', type: 'Line on a Shared Phone', parentId: 'phone' });
    await core.cancelProduct({ actor: as('olive'), origin: 'chat', productId: 'phone' });
    expect(deps.subscribers.products.get('phone')).toMatchObject({ subscriberLogin: 'rroe', shared: false });
    expect([...deps.subscribers.products.keys()]).toEqual(['phone', 'rline']);
  });
});
