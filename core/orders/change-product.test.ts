import { describe, expect, it } from 'vitest';
import { workflowHarness } from '../../test/fakes/core-harness';

/** Jane's phone with a line, voicemail and email; no approval for changes (the default rules). */
async function janeWithPhone(rules = {}) {
  const h = await workflowHarness(rules);
  const seed = h.deps.subscribers.seed.bind(h.deps.subscribers);
  seed({
    id: 'phone',
    subscriberLogin: 'jdoe',
    type: 'Phone',
    attributes: { phoneType: '7945', macAddress: '00AABBCCDDEE', deviceName: 'SEP00AABBCCDDEE', 'Calling Search Space': 'CSS-1' },
  });
  seed({
    id: 'line',
    subscriberLogin: 'jdoe',
    type: 'Line',
    parentId: 'phone',
    attributes: { lineType: 'Chosen Line', directoryNumber: '5001', displayName: 'Jane Doe' },
  });
  seed({ id: 'vm', subscriberLogin: 'jdoe', type: 'Voicemail', parentId: 'line', attributes: { alias: 'jdoe', displayName: 'Jane Doe' } });
  seed({
    id: 'em',
    subscriberLogin: 'jdoe',
    type: 'Email',
    parentId: 'line',
    attributes: { emailId: 'jane.doe@acme.example', displayName: 'Jane Doe' },
  });
  return h;
}

describe('changeProduct', () => {
  it("Settings: changes a line's directory number; the product shows the order running against it until done", async () => {
    const { core, deps, as } = await janeWithPhone({ isAuthorizationRequiredForChangeOrder: true });
    const placed = await core.changeProduct({
      actor: as('olive'),
      origin: 'chat',
      productId: 'line',
      changeKind: 'Settings',
      attributes: { directoryNumber: '5002' },
    });
    expect(placed.order).toMatchObject({
      kind: 'Change',
      changeKind: 'Settings',
      orderable: 'Line',
      extendedStatus: 'Waiting for Approval',
    });
    expect(placed.order.items).toEqual([
      {
        itemNumber: 1,
        type: 'Line',
        attributes: { lineType: 'Chosen Line', directoryNumber: '5002', displayName: 'Jane Doe' },
        productId: 'line',
        parentItemNumber: null,
        parentProductId: 'phone',
      },
    ]);
    expect((await deps.subscribers.findProduct('line'))?.openOrderNumber).toBe('WO-000001');

    await core.actOnActivity({ actor: as('april'), activityId: placed.activities[0]!.id, action: { kind: 'approve' } });
    expect(await deps.subscribers.findProduct('line')).toMatchObject({ openOrderNumber: null, attributes: { directoryNumber: '5002' } });
  });

  it("Settings cannot change a phone's type or MAC address: that is a Replace", async () => {
    const { core, deps, as } = await janeWithPhone();
    await expect(
      core.changeProduct({
        actor: as('olive'),
        origin: 'chat',
        productId: 'phone',
        changeKind: 'Settings',
        attributes: { MACADDRESS: '001122334455' },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'macAddress', message: 'Changes only with a Replace order, which puts a new phone in its place.' }] },
    });
    expect(deps.workOrders.orders.size).toBe(0);
  });

  it('Replace: a new phone type goes through assignment; its device name follows the new MAC; other attributes stay', async () => {
    const { core, deps, as } = await janeWithPhone();
    const placed = await core.changeProduct({
      actor: as('olive'),
      origin: 'chat',
      productId: 'phone',
      changeKind: 'Replace',
      attributes: { phoneType: '7965' },
    });
    expect(placed.order).toMatchObject({ changeKind: 'Replace', extendedStatus: 'Waiting for Assignment' });
    expect(placed.order.items[0]!.attributes).toEqual({ phoneType: '7965' });
    await core.actOnActivity({
      actor: as('sam'),
      activityId: placed.activities[0]!.id,
      action: { kind: 'complete', macAddress: '001122334455' },
    });
    expect((await deps.subscribers.findProduct('phone'))?.attributes).toEqual({
      phoneType: '7965',
      macAddress: '001122334455',
      deviceName: 'SEP001122334455',
      'Calling Search Space': 'CSS-1',
    });
  });

  it('Change Owner: the phone and everything on it move to Richard; the line shows his name, voicemail keeps its alias', async () => {
    const { core, deps, as } = await janeWithPhone();
    const placed = await core.changeProduct({
      actor: as('olive'),
      origin: 'api',
      productId: 'phone',
      changeKind: 'Change Owner',
      newOwnerLogin: 'rroe',
      attributes: { emailId: 'richard.roe@acme.example' },
    });
    expect(placed.order).toMatchObject({ changeKind: 'Change Owner', newOwnerLogin: 'rroe', state: 'Completed' });
    const richard = await deps.subscribers.listProducts('rroe');
    expect(richard.map((p) => p.id).sort()).toEqual(['em', 'line', 'phone', 'vm']);
    expect(richard.find((p) => p.id === 'line')?.attributes.displayName).toBe('Richard Roe');
    expect(richard.find((p) => p.id === 'vm')?.attributes).toEqual({ alias: 'jdoe', displayName: 'Jane Doe' });
    expect(richard.find((p) => p.id === 'em')?.attributes.emailId).toBe('richard.roe@acme.example');
    expect(await deps.subscribers.listProducts('jdoe')).toEqual([]);
  });

  it('Change Owner is refused on a shared phone, to another domain, and while a product involved has an open order', async () => {
    const { core, deps, as } = await janeWithPhone();
    const move = (newOwnerLogin: string) =>
      core.changeProduct({ actor: as('olive'), origin: 'chat', productId: 'phone', changeKind: 'Change Owner', newOwnerLogin });
    await expect(move('xavier')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        fields: [{ field: 'newOwnerLogin', message: 'xavier is in other.example; a phone changes owner within its domain acme.example.' }],
      },
    });
    deps.subscribers.products.get('vm')!.openOrderNumber = 'WO-000042';
    await expect(move('rroe')).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'Voicemail vm has order WO-000042 running against it; wait until it is processed' },
    });
    deps.subscribers.products.get('phone')!.shared = true;
    await expect(move('rroe')).rejects.toMatchObject({
      code: 'INVALID_STATE',
      details: { reason: 'phone phone is shared, and the owner of a shared phone cannot change' },
    });
    expect(deps.workOrders.orders.size).toBe(0);
  });

  it('a product with an order running against it refuses another', async () => {
    const { core, as } = await janeWithPhone({ isAuthorizationRequiredForChangeOrder: true });
    await core.changeProduct({
      actor: as('olive'),
      origin: 'chat',
      productId: 'line',
      changeKind: 'Settings',
      attributes: { directoryNumber: '5002' },
    });
    await expect(
      core.changeProduct({
        actor: as('olive'),
        origin: 'chat',
        productId: 'line',
        changeKind: 'Settings',
        attributes: { directoryNumber: '5003' },
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('an unknown product is named; someone without Ordering in the domain is refused', async () => {
    const { core, as } = await janeWithPhone();
    await expect(
      core.changeProduct({ actor: as('olive'), origin: 'chat', productId: 'nope', changeKind: 'Settings', attributes: {} }),
    ).rejects.toMatchObject({ code: 'PRODUCT_NOT_FOUND' });
    await expect(
      core.changeProduct({
        actor: as('bob'),
        origin: 'chat',
        productId: 'line',
        changeKind: 'Settings',
        attributes: { directoryNumber: '1' },
      }),
    ).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
  });
});
