import { describe, expect, it } from 'vitest';
import { workflowHarness } from '../../test/fakes/core-harness';

describe('placeWorkOrder', () => {
  it('an Add order for a bundle waits for approval, and the Approval group hears of it in chat and by email', async () => {
    const { core, deps, slack, teams, as } = await workflowHarness();
    const placed = await core.placeWorkOrder({
      actor: as('olive'),
      origin: 'chat',
      subscriberLogin: 'jdoe',
      orderable: 'enhanced phone service' as never,
      attributes: { Phone: { phoneType: '7945' }, Line: { lineType: 'Chosen Line', directoryNumber: '5001' } },
      requestedDeliveryDate: '2026-12-01',
    });

    expect(placed.order).toMatchObject({
      number: 'WO-000001',
      kind: 'Add',
      orderable: 'Enhanced Phone Service',
      domain: 'acme.example',
      subscriberLogin: 'jdoe',
      author: { name: 'Olive Orderer', email: 'olive@acme.example', channel: 'slack' },
      state: 'Released',
      extendedStatus: 'Waiting for Approval',
      requestedDeliveryDate: '2026-12-01',
    });
    expect(placed.order.items).toEqual([
      { itemNumber: 1, type: 'Phone', attributes: { phoneType: '7945' }, productId: null, parentItemNumber: null, parentProductId: null },
      {
        itemNumber: 2,
        type: 'Line',
        attributes: { lineType: 'Chosen Line', directoryNumber: '5001', displayName: 'Jane Doe' },
        productId: null,
        parentItemNumber: 1,
        parentProductId: null,
      },
      {
        itemNumber: 3,
        type: 'Voicemail',
        attributes: { alias: 'jdoe', displayName: 'Jane Doe' },
        productId: null,
        parentItemNumber: 2,
        parentProductId: null,
      },
    ]);
    expect(placed.activities).toEqual([
      expect.objectContaining({ kind: 'Approval', status: 'Open', assignee: { kind: 'group', role: 'Approval' } }),
    ]);
    // April is on Slack and Teams, Arthur on Slack only.
    expect(slack.posts.map((p) => p.to)).toEqual(['UAPRIL', 'UARTHUR']);
    expect(teams.posts.map((p) => p.to)).toEqual(['aad-april']);
    expect(await deps.workOrders.listPostedMessages(placed.activities[0]!.id)).toHaveLength(3);
    // One email per address, each of which may act as its reader.
    expect(deps.email.activityEmails.map((e) => [e.to, e.asUser])).toEqual([
      [['april@acme.example'], true],
      [['arthur@acme.example'], true],
    ]);
    expect(deps.backend.calls).toEqual([]);
  });

  it('with no step to wait for, provisions at once and puts the products in the subscriber record', async () => {
    const { core, deps, as } = await workflowHarness({ isAuthorizationRequiredForAddOrder: false, phoneAssignmentDoneBy: null });
    const placed = await core.placeWorkOrder({
      actor: as('olive'),
      origin: 'api',
      subscriberLogin: 'jdoe',
      orderable: 'Messaging Service',
      attributes: { Phone: { phoneType: '7911' } },
    });

    expect(placed.order).toMatchObject({ state: 'Completed', extendedStatus: null, version: 2 });
    expect(placed.order.items.map((i) => i.productId)).toEqual(['prod-1', 'prod-2', 'prod-3', 'prod-4']);
    const record = await deps.subscribers.listProducts('jdoe');
    expect(record.map((p) => [p.id, p.type, p.parentId, p.openOrderNumber])).toEqual([
      ['prod-1', 'Phone', null, null],
      ['prod-2', 'Line', 'prod-1', null],
      ['prod-3', 'Voicemail', 'prod-2', null],
      ['prod-4', 'Email', 'prod-2', null],
    ]);
    expect(deps.email.outcomes).toEqual([{ orderNumber: 'WO-000001', to: 'jane.doe@acme.example', outcome: 'provisioned' }]);
  });

  it('a Line goes on the phone Jane already has; Voicemail without a Line is refused as a missing dependency', async () => {
    const { core, deps, as } = await workflowHarness({ isAuthorizationRequiredForAddOrder: false });
    await expect(
      core.placeWorkOrder({ actor: as('olive'), origin: 'chat', subscriberLogin: 'jdoe', orderable: 'Voicemail' }),
    ).rejects.toMatchObject({
      code: 'DEPENDENCY_MISSING',
      details: { product: 'Voicemail', requires: ['Line'] },
    });
    deps.subscribers.seed({ id: 'phone-1', subscriberLogin: 'jdoe', type: 'Phone', attributes: { phoneType: '7945' } });
    const placed = await core.placeWorkOrder({ actor: as('olive'), origin: 'chat', subscriberLogin: 'jdoe', orderable: 'Line' });
    expect(placed.order.items[0]).toMatchObject({ type: 'Line', parentProductId: 'phone-1' });
    expect((await deps.subscribers.findProduct(placed.order.items[0]!.productId!))?.parentId).toBe('phone-1');
  });

  it('claims the product it hangs a new one on while it waits: that one cannot be cancelled meanwhile; released when done', async () => {
    const { core, deps, as } = await workflowHarness({ isAuthorizationRequiredForAddOrder: true });
    deps.subscribers.seed({ id: 'phone-1', subscriberLogin: 'jdoe', type: 'Phone', attributes: { phoneType: '7945' } });
    const placed = await core.placeWorkOrder({ actor: as('olive'), origin: 'chat', subscriberLogin: 'jdoe', orderable: 'Line' });
    expect((await deps.subscribers.findProduct('phone-1'))?.openOrderNumber).toBe(placed.order.number);
    await expect(core.cancelProduct({ actor: as('olive'), origin: 'chat', productId: 'phone-1' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    await core.actOnActivity({ actor: as('april'), activityId: placed.activities[0]!.id, action: { kind: 'approve' } });
    expect((await deps.subscribers.listProducts('jdoe')).map((p) => [p.type, p.openOrderNumber])).toEqual([
      ['Phone', null],
      ['Line', null],
    ]);
  });

  it('a rejected order releases the product it would have hung a new one on', async () => {
    const { core, deps, as } = await workflowHarness({ isAuthorizationRequiredForAddOrder: true });
    deps.subscribers.seed({ id: 'phone-1', subscriberLogin: 'jdoe', type: 'Phone', attributes: { phoneType: '7945' } });
    const placed = await core.placeWorkOrder({ actor: as('olive'), origin: 'chat', subscriberLogin: 'jdoe', orderable: 'Line' });
    await core.actOnActivity({ actor: as('april'), activityId: placed.activities[0]!.id, action: { kind: 'reject' } });
    expect((await deps.subscribers.findProduct('phone-1'))?.openOrderNumber).toBeNull();
  });

  it("a Line on a Shared Phone marks the other subscriber's phone as shared", async () => {
    const { core, deps, as } = await workflowHarness({ isAuthorizationRequiredForAddOrder: false });
    deps.subscribers.seed({ id: 'rphone', subscriberLogin: 'rroe', type: 'Phone', attributes: { phoneType: '7945' } });
    await core.placeWorkOrder({
      actor: as('olive'),
      origin: 'chat',
      subscriberLogin: 'jdoe',
      orderable: 'Line on a Shared Phone',
      parentProductId: 'rphone',
    });
    expect((await deps.subscribers.findProduct('rphone'))?.shared).toBe(true);
    expect((await deps.subscribers.listProducts('jdoe')).map((p) => p.type)).toEqual(['Phone', 'Line on a Shared Phone']);
  });

  it('names every bad attribute at once and writes nothing', async () => {
    const { core, deps, as } = await workflowHarness();
    const err = await core
      .placeWorkOrder({
        actor: as('olive'),
        origin: 'chat',
        subscriberLogin: 'jdoe',
        orderable: 'Enhanced Phone Service',
        attributes: {
          Phone: { phoneType: '7945', macAddress: '00AABBCCDDE', 'Calling Search Space': 'x' },
          Line: { directoryNumber: '50 01' },
          Email: { emailId: 'j' },
        },
      })
      .catch((e) => e);
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(err.details.fields).toEqual([
      { field: 'attributes', message: 'This order has no Email (it provisions Phone, Line, Voicemail).' },
      { field: 'attributes', message: expect.stringMatching(/^"Calling Search Space" is not an attribute of Phone/) },
      { field: 'macAddress', message: 'Must be 12 hexadecimal digits (0-9, A-F), like 00:1A:2B:3C:4D:5E; this has 11.' },
      { field: 'directoryNumber', message: "A directory number is digits only and cannot include dashes or spaces; got '50 01'." },
    ]);
    expect(deps.workOrders.orders.size).toBe(0);
    expect(deps.email.activityEmails).toEqual([]);
  });

  it('advanced provisioning attributes are taken from an Advanced Ordering user', async () => {
    const { core, as } = await workflowHarness();
    const placed = await core.placeWorkOrder({
      actor: as('adam'),
      origin: 'chat',
      subscriberLogin: 'jdoe',
      orderable: 'Phone',
      attributes: { Phone: { phoneType: '7945', 'Calling Search Space': 'CSS-Internal' } },
    });
    expect(placed.order.items[0]!.attributes).toEqual({ phoneType: '7945', 'Calling Search Space': 'CSS-Internal' });
  });

  it('refuses an unknown orderable, a past delivery date, and an unknown subscriber', async () => {
    const { core, as } = await workflowHarness();
    await expect(
      core.placeWorkOrder({ actor: as('olive'), origin: 'chat', subscriberLogin: 'jdoe', orderable: 'Fax' as never }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        fields: [
          {
            field: 'orderable',
            message: expect.stringMatching(
              /^'Fax' is not in the catalog; choose one of Enhanced Phone Service, Phone Service, Messaging Service/,
            ),
          },
        ],
      },
    });
    await expect(
      core.placeWorkOrder({
        actor: as('olive'),
        origin: 'chat',
        subscriberLogin: 'jdoe',
        orderable: 'Phone',
        attributes: { Phone: { phoneType: '7945' } },
        requestedDeliveryDate: '2026-11-22',
      }),
    ).rejects.toMatchObject({ details: { fields: [{ field: 'requestedDeliveryDate', message: '2026-11-22 is in the past.' }] } });
    await expect(
      core.placeWorkOrder({ actor: as('olive'), origin: 'chat', subscriberLogin: 'nobody', orderable: 'Phone' }),
    ).rejects.toMatchObject({
      code: 'SUBSCRIBER_NOT_FOUND',
      details: { login: 'nobody' },
    });
  });

  it("only Ordering or an Administrator of the subscriber's domain may order, and a refusal writes nothing", async () => {
    const { core, deps, as } = await workflowHarness();
    const order = {
      origin: 'chat' as const,
      subscriberLogin: 'jdoe',
      orderable: 'Phone' as const,
      attributes: { Phone: { phoneType: '7945' } },
    };
    await expect(core.placeWorkOrder({ ...order, actor: as('april') })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { action: 'order for jdoe', reason: 'it needs the Ordering or Administrator role in acme.example' },
    });
    await expect(core.placeWorkOrder({ ...order, actor: as('bob') })).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect(deps.workOrders.orders.size).toBe(0);
    await expect(core.placeWorkOrder({ ...order, actor: as('ada') })).resolves.toMatchObject({ order: { number: 'WO-000001' } });
  });

  it('refuses to hang a product on one with an order running against it', async () => {
    const { core, deps, as } = await workflowHarness();
    deps.subscribers.seed({ id: 'phone-1', subscriberLogin: 'jdoe', type: 'Phone', openOrderNumber: 'WO-000009' });
    await expect(
      core.placeWorkOrder({ actor: as('olive'), origin: 'chat', subscriberLogin: 'jdoe', orderable: 'Line' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'Phone phone-1 has order WO-000009 running against it; wait until it is processed' },
    });
  });

  it('the order stands when chat and email are down; its notices wait in the outbox and go out once they are back', async () => {
    const { core, deps, slack, as } = await workflowHarness();
    slack.failWith = 'slack is down';
    deps.email.failWith = 'smtp is down';
    const placed = await core.placeWorkOrder({
      actor: as('olive'),
      origin: 'chat',
      subscriberLogin: 'jdoe',
      orderable: 'Phone',
      attributes: { Phone: { phoneType: '7945' } },
    });
    expect(placed.order.extendedStatus).toBe('Waiting for Approval');
    expect(await deps.workOrders.findByNumber('WO-000001')).toMatchObject({ extendedStatus: 'Waiting for Approval' });
    const waiting = deps.outbox.deliveries.filter((d) => d.state === 'pending').map((d) => d.lastError);
    expect(waiting.sort()).toEqual(['slack is down', 'slack is down', 'smtp is down', 'smtp is down']);

    slack.failWith = null;
    deps.email.failWith = null;
    deps.clock.advanceMinutes(1);
    await core.dispatchDeliveries();
    expect(slack.posts.map((p) => p.to).sort()).toEqual(['UAPRIL', 'UARTHUR']);
    expect(deps.email.activityEmails.map((e) => e.to[0]).sort()).toEqual(['april@acme.example', 'arthur@acme.example']);
  });
});
