import type { Activity, SystemEvent, WorkOrder } from '../../../core/index';
import { expect, it } from 'vitest';
import { aProduct, aSubscriber, aWorkOrder, anActivity, at, placing } from './fixtures';
import { TARGETS, describeOn, useFreshDatabase, withClients } from './test-databases';

const decided = (a: Activity, name: string, status: 'Done' | 'Rejected' = 'Done'): Activity => ({
  ...a,
  status,
  decidedBy: { name, email: null, channel: 'slack' },
  decidedAt: at('2030-01-11T10:00:00.250Z'),
  note: `${status} by ${name}`,
  version: a.version + 1,
});

const failure: SystemEvent = {
  type: 'order-failure',
  domain: 'acme-partner.example',
  orderNumber: 'set-me',
  occurredAt: at('2030-01-11T10:00:00Z'),
  detail: { productType: 'Line', kind: 'unrecoverable', message: 'directory number 4000 is taken' },
};

for (const target of TARGETS) {
  describeOn(target, 'WorkOrderRepository', () => {
    const fresh = useFreshDatabase(target);
    const repo = () => fresh.db.workOrders;

    /** A stored subscriber and a placed order with one open approval. */
    async function placed(order: Partial<WorkOrder> = {}, activity: Partial<Activity> = {}) {
      const subscriber = await fresh.db.subscribers.upsert(aSubscriber());
      const o = aWorkOrder({ subscriberLogin: subscriber.login, ...order });
      const a = anActivity(o.number, activity);
      expect(await repo().commit(placing(o, a))).toBe(true);
      return { subscriber, order: o, activity: a };
    }

    it('numbers orders WO-000001, WO-000002, ... in the order they are drawn', async () => {
      const first = await repo().nextOrderNumber();
      expect(first).toMatch(/^WO-\d{6}$/);
      const second = await repo().nextOrderNumber();
      expect(Number(second.slice(3))).toBe(Number(first.slice(3)) + 1);
    });

    it('gives 20 clients drawing at once 20 distinct, consecutive numbers', async () => {
      const before = Number((await repo().nextOrderNumber()).slice(3));
      const numbers = await withClients(fresh.url, 20, (dbs) => Promise.all(dbs.map((db) => db.workOrders.nextOrderNumber())));
      expect(new Set(numbers).size).toBe(20);
      expect(numbers.map((n) => Number(n.slice(3))).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
    });

    it('reads back a committed order and its activities exactly as written', async () => {
      const { order, activity } = await placed({
        failure: { productType: 'Phone', kind: 'recoverable', message: 'CUCM timeout' },
        changeKind: null,
      });
      expect(await repo().findByNumber(order.number)).toEqual(order);
      expect(await repo().listActivities(order.number)).toEqual([activity]);
      expect(await repo().findActivity(activity.id)).toEqual(activity);
      expect(await repo().findByNumber('WO-999999')).toBeNull();
      expect(await repo().findActivity('no-such-activity')).toBeNull();
      expect(await repo().listActivities('WO-999999')).toEqual([]);
    });

    it('keeps user assignees, acceptance and decisions of activities', async () => {
      const { order } = await placed();
      const accepted = anActivity(order.number, {
        kind: 'Assignment',
        assignee: { kind: 'user', email: 'Sam.Shipper@Acme-Partner.example' },
        status: 'Accepted',
        acceptedBy: { name: 'Sam Shipper', email: 'sam.shipper@acme-partner.example' },
        macAddress: '00AABBCCDDEE',
        createdAt: at('2030-01-10T09:30:00Z'),
      });
      const next = { ...order, extendedStatus: 'Waiting for Assignment' as const, version: 2 };
      expect(await repo().commit({ order: { expectedVersion: 1, next }, activities: [{ expectedVersion: null, next: accepted }] })).toBe(
        true,
      );
      expect(await repo().findActivity(accepted.id)).toEqual(accepted);
      expect((await repo().listActivities(order.number)).map((a) => a.kind)).toEqual(['Approval', 'Assignment']);
    });

    it('writes a decision and the order change it causes together', async () => {
      const { order, activity } = await placed();
      const next: WorkOrder = { ...order, state: 'Cancelled', extendedStatus: null, updatedAt: at('2030-01-11T10:00:00Z'), version: 2 };
      expect(
        await repo().commit({
          order: { expectedVersion: 1, next },
          activities: [{ expectedVersion: 1, next: decided(activity, 'Ada', 'Rejected') }],
        }),
      ).toBe(true);
      expect(await repo().findByNumber(order.number)).toEqual(next);
      expect(await repo().findActivity(activity.id)).toEqual(decided(activity, 'Ada', 'Rejected'));
    });

    it('rolls the whole step back when the order moved on since it was read', async () => {
      const { order, activity } = await placed();
      const step = (name: string, state: WorkOrder['state']) => ({
        order: { expectedVersion: 1, next: { ...order, state, version: 2 } },
        activities: [{ expectedVersion: 1, next: decided(activity, name) }],
      });
      expect(await repo().commit(step('Ada', 'Completed'))).toBe(true);
      expect(await repo().commit(step('Bob', 'Hold'))).toBe(false);
      expect(await repo().findByNumber(order.number)).toMatchObject({ state: 'Completed', version: 2 });
      expect((await repo().findActivity(activity.id))?.decidedBy?.name).toBe('Ada');
    });

    it('writes nothing, products and events included, when one activity version is stale', async () => {
      const { subscriber, order, activity } = await placed();
      const other = anActivity(order.number, { kind: 'Shipping', assignee: { kind: 'group', role: 'Shipping' } });
      expect(
        await repo().commit({
          order: { expectedVersion: 1, next: { ...order, version: 2 } },
          activities: [{ expectedVersion: null, next: other }],
        }),
      ).toBe(true);
      const product = aProduct(subscriber.login);
      const stale = {
        order: { expectedVersion: 2, next: { ...order, state: 'Hold' as const, version: 3 } },
        // The first activity is current; the second is not at version 7.
        activities: [
          { expectedVersion: 1, next: decided(activity, 'Ada') },
          { expectedVersion: 7, next: decided(other, 'Ada') },
        ],
        products: { put: [product], remove: [] },
        events: [{ ...failure, orderNumber: order.number }],
      };
      expect(await repo().commit(stale)).toBe(false);
      expect(await repo().findByNumber(order.number)).toMatchObject({ state: 'Released', version: 2 });
      expect(await repo().findActivity(activity.id)).toEqual(activity);
      expect(await repo().findActivity(other.id)).toEqual(other);
      expect(await fresh.db.subscribers.findProduct(product.id)).toBeNull();
      expect((await fresh.db.systemEvents.listUnprocessed(1000)).filter((e) => e.orderNumber === order.number)).toEqual([]);
    });

    it('refuses to insert an order or activity that already exists, writing nothing', async () => {
      const { order, activity } = await placed();
      expect(await repo().commit(placing({ ...order, state: 'Hold' }))).toBe(false);
      const newcomer = anActivity(order.number);
      expect(
        await repo().commit({
          order: { expectedVersion: 1, next: { ...order, version: 2 } },
          activities: [
            { expectedVersion: null, next: newcomer },
            { expectedVersion: null, next: activity },
          ],
        }),
      ).toBe(false);
      expect(await repo().findByNumber(order.number)).toEqual(order);
      expect(await repo().findActivity(newcomer.id)).toBeNull();
    });

    it('stores the products and the failure events of a step with it', async () => {
      const { subscriber, order, activity } = await placed();
      const phone = aProduct(subscriber.login, {
        openOrderNumber: order.number,
        notes: [{ text: 'desk 4', author: 'Olive', at: at('2030-01-11T09:00:00Z') }],
      });
      const line = aProduct(subscriber.login, { type: 'Line', parentId: phone.id, attributes: { directoryNumber: '4001' } });
      const event = { ...failure, orderNumber: order.number };
      const next = {
        ...order,
        extendedStatus: 'Unrecoverable Error' as const,
        failure: { ...event.detail, productType: 'Line' as const },
        version: 2,
      };
      // The line first: a change may list a child before its parent.
      const ok = await repo().commit({
        order: { expectedVersion: 1, next },
        activities: [{ expectedVersion: 1, next: decided(activity, 'Ada') }],
        products: { put: [line, phone], remove: [] },
        events: [event],
      });
      expect(ok).toBe(true);
      expect(await fresh.db.subscribers.listProducts(subscriber.login)).toEqual([line, phone]);
      const events = (await fresh.db.systemEvents.listUnprocessed(1000)).filter((e) => e.orderNumber === order.number);
      expect(events).toEqual([{ ...event, id: expect.any(Number) }]);
      expect(events[0]?.occurredAt).toBeInstanceOf(Date);

      // Completing: the open-order mark cleared, notes kept though the put carries none, the line removed.
      await fresh.db.subscribers.addNote(phone.id, { text: 'moved to desk 5', author: 'Olive', at: at('2030-01-12T09:00:00Z') });
      const done = { ...next, state: 'Completed' as const, extendedStatus: null, failure: null, version: 3 };
      expect(
        await repo().commit({
          order: { expectedVersion: 2, next: done },
          activities: [],
          products: { put: [{ ...phone, openOrderNumber: null, notes: [] }], remove: [line.id] },
        }),
      ).toBe(true);
      expect(await fresh.db.subscribers.listProducts(subscriber.login)).toEqual([
        {
          ...phone,
          openOrderNumber: null,
          notes: [...phone.notes, { text: 'moved to desk 5', author: 'Olive', at: at('2030-01-12T09:00:00Z') }],
        },
      ]);
    });

    it('lets exactly one of 20 concurrent decisions on one activity win, from separate clients', async () => {
      const { order, activity } = await placed();
      const results = await withClients(fresh.url, 20, (dbs) =>
        Promise.all(
          dbs.map((db, i) =>
            db.workOrders.commit({
              order: { expectedVersion: 1, next: { ...order, state: i % 2 ? 'Cancelled' : 'Released', extendedStatus: null, version: 2 } },
              activities: [{ expectedVersion: 1, next: decided(activity, `decider ${i}`, i % 2 ? 'Rejected' : 'Done') }],
            }),
          ),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect(await repo().findActivity(activity.id)).toEqual(decided(activity, `decider ${winner}`, winner % 2 ? 'Rejected' : 'Done'));
      expect(await repo().findByNumber(order.number)).toMatchObject({ state: winner % 2 ? 'Cancelled' : 'Released', version: 2 });
    });

    it('lets only one of 10 orders placed at once against one product mark it, from separate clients', async () => {
      const subscriber = await fresh.db.subscribers.upsert(aSubscriber());
      const phone = aProduct(subscriber.login);
      expect(
        await repo().commit({
          ...placing(aWorkOrder({ subscriberLogin: subscriber.login, state: 'Completed', extendedStatus: null })),
          products: { put: [phone], remove: [] },
        }),
      ).toBe(true);
      const orders = Array.from({ length: 10 }, () => aWorkOrder({ subscriberLogin: subscriber.login, kind: 'Cancel' }));
      const results = await withClients(fresh.url, 10, (dbs) =>
        Promise.all(
          dbs.map((db, i) =>
            db.workOrders.commit({
              ...placing(orders[i]!),
              products: { put: [{ ...phone, openOrderNumber: orders[i]!.number }], remove: [], expectUnmarked: [phone.id] },
            }),
          ),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = orders[results.indexOf(true)]!;
      expect((await fresh.db.subscribers.findProduct(phone.id))?.openOrderNumber).toBe(winner.number);
      // The losers wrote nothing, not even their order.
      for (const o of orders)
        expect(await repo().findByNumber(o.number)).toEqual(o === winner ? expect.objectContaining({ number: o.number }) : null);
    });

    it('lists the chat copies of an activity in the order they were posted', async () => {
      const { activity: a } = await placed();
      const { activity: b } = await placed();
      await repo().addPostedMessage(a.id, { platform: 'slack', address: '{"channel":"D1","ts":"1.2"}' });
      await repo().addPostedMessage(b.id, { platform: 'slack', address: '{"channel":"D9","ts":"9.9"}' });
      await repo().addPostedMessage(a.id, { platform: 'teams', address: '{"conversation":{"id":"a:1"},"activityId":"x"}' });
      expect(await repo().listPostedMessages(a.id)).toEqual([
        { platform: 'slack', address: '{"channel":"D1","ts":"1.2"}' },
        { platform: 'teams', address: '{"conversation":{"id":"a:1"},"activityId":"x"}' },
      ]);
      expect(await repo().listPostedMessages('no-such-activity')).toEqual([]);
    });
  });
}
