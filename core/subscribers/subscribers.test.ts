import { describe, expect, it } from 'vitest';
import { workflowHarness } from '../../test/fakes/core-harness';

describe('registerSubscriber', () => {
  it('validates and stores a subscriber for an administrator or an Ordering user of the domain', async () => {
    const { core, deps, as } = await workflowHarness();
    const s = await core.registerSubscriber({
      actor: as('olive'),
      subscriber: {
        login: 'mmay',
        domain: 'ACME.example',
        firstName: ' May ',
        lastName: 'May',
        email: 'May@Acme.example',
        department: 'Ops',
      },
    });
    expect(s).toEqual({
      login: 'mmay',
      domain: 'acme.example',
      firstName: 'May',
      lastName: 'May',
      email: 'may@acme.example',
      phoneNumber: null,
      department: 'Ops',
    });
    expect(await deps.subscribers.findByLogin('mmay')).toEqual(s);
  });

  it("names what is wrong, refuses other domains' users, and does not move a login to another domain", async () => {
    const { core, deps, as } = await workflowHarness();
    await expect(
      core.registerSubscriber({
        actor: as('ada'),
        subscriber: { login: 'x y', domain: 'acme.example', firstName: 'X', lastName: 'Y', email: 'nope' },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        fields: [
          { field: 'login', message: 'Letters, digits, dot, dash, underscore and @ only.' },
          { field: 'email', message: 'Must be an email address.' },
        ],
      },
    });
    await expect(
      core.registerSubscriber({
        actor: as('bob'),
        subscriber: { login: 'zed', domain: 'acme.example', firstName: 'Z', lastName: 'Z', email: 'z@acme.example' },
      }),
    ).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    await expect(
      core.registerSubscriber({
        actor: as('ada'),
        subscriber: { login: 'jdoe', domain: 'other.example', firstName: 'J', lastName: 'D', email: 'j@other.example' },
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'subscriber jdoe already exists in acme.example' },
    });
    expect(deps.subscribers.subscribers.has('zed')).toBe(false);
  });
});

describe('getSubscriberRecord ("Accessing a Subscriber Record")', () => {
  it('shows the products, with the order running against them, and the orders newest first', async () => {
    const { core, deps, as } = await workflowHarness();
    deps.subscribers.seed({ id: 'phone', subscriberLogin: 'jdoe', type: 'Phone', attributes: { phoneType: '7945' } });
    await core.cancelProduct({ actor: as('olive'), origin: 'chat', productId: 'phone' });
    deps.subscribers.seed({ id: 'phone2', subscriberLogin: 'jdoe', type: 'Phone', attributes: { phoneType: '7911' } });
    await core.setDomainRules({ actor: as('ada'), domain: 'acme.example', changes: { isAuthorizationRequiredForCancelOrder: true } });
    await core.cancelProduct({ actor: as('olive'), origin: 'chat', productId: 'phone2' });

    const record = await core.getSubscriberRecord({ actor: as('olive'), login: 'jdoe' });
    expect(record.subscriber.lastName).toBe('Doe');
    expect(record.products.map((p) => [p.id, p.openOrderNumber])).toEqual([['phone2', 'WO-000002']]);
    expect(record.orders.map((o) => [o.number, o.kind, o.state, o.extendedStatus])).toEqual([
      ['WO-000002', 'Cancel', 'Released', 'Waiting for Approval'],
      ['WO-000001', 'Cancel', 'Completed', null],
    ]);
  });

  it("needs Ordering in the subscriber's domain", async () => {
    const { core, as } = await workflowHarness();
    await expect(core.getSubscriberRecord({ actor: as('april'), login: 'jdoe' })).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    await expect(core.getSubscriberRecord({ actor: as('olive'), login: 'ghost' })).rejects.toMatchObject({ code: 'SUBSCRIBER_NOT_FOUND' });
  });
});

describe('addProductNote ("Adding Notes to an Ordered Product")', () => {
  it('appends a note with its author and time', async () => {
    const { core, deps, as } = await workflowHarness();
    deps.subscribers.seed({ id: 'phone', subscriberLogin: 'jdoe', type: 'Phone' });
    const note = await core.addProductNote({ actor: as('olive'), productId: 'phone', text: '  desk 4B  ' });
    expect(note).toEqual({ text: 'desk 4B', author: 'Olive Orderer', at: new Date('2026-11-23T10:00:00Z') });
    expect((await deps.subscribers.findProduct('phone'))?.notes).toEqual([note]);
  });

  it('refuses an empty note, an unknown product, and someone without Ordering; nothing is added', async () => {
    const { core, deps, as } = await workflowHarness();
    deps.subscribers.seed({ id: 'phone', subscriberLogin: 'jdoe', type: 'Phone' });
    await expect(core.addProductNote({ actor: as('olive'), productId: 'phone', text: '  ' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'note', message: 'This is empty.' }] },
    });
    await expect(core.addProductNote({ actor: as('olive'), productId: 'nope', text: 'x' })).rejects.toMatchObject({
      code: 'PRODUCT_NOT_FOUND',
    });
    await expect(core.addProductNote({ actor: as('sam'), productId: 'phone', text: 'x' })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    expect((await deps.subscribers.findProduct('phone'))?.notes).toEqual([]);
  });
});
