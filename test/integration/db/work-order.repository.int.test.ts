import type { Activity, WorkOrder } from '../../../core/index';
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

for (const target of TARGETS) {
  // What one client sees is the contract's (test/fakes/work-order-repository.contract.ts); here, racing clients.
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

    it('gives 20 clients drawing at once 20 distinct, consecutive numbers', async () => {
      const before = Number((await repo().nextOrderNumber()).slice(3));
      const numbers = await withClients(fresh.url, 20, (dbs) => Promise.all(dbs.map((db) => db.workOrders.nextOrderNumber())));
      expect(new Set(numbers).size).toBe(20);
      expect(numbers.map((n) => Number(n.slice(3))).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
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
  });
}
