import { describeWorkOrderRepository } from '../../fakes/work-order-repository.contract';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

/**
 * The work-order contract InMemoryWorkOrders passes (test/fakes/in-memory-work-orders.test.ts),
 * on the Prisma repository on each database, so the fake cannot drift from SQLite and PostgreSQL.
 */
for (const target of TARGETS) {
  describeOn(target, 'WorkOrderRepository contract', () => {
    const fresh = useFreshDatabase(target);
    describeWorkOrderRepository('Prisma work orders', async () => ({
      workOrders: fresh.db.workOrders,
      subscribers: fresh.db.subscribers,
      async eventsOf(orderNumber) {
        const stored = await fresh.db.systemEvents.listUnprocessed(100_000);
        return stored.filter((e) => e.orderNumber === orderNumber).map(({ id: _id, ...event }) => event);
      },
    }));
  });
}
