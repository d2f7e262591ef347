import type { WorkOrdersUnderTest } from '../../fakes/work-order-repository.contract';
import { describeWorkOrderRepository } from '../../fakes/work-order-repository.contract';
import { describeWorkOrderSearch } from '../../fakes/work-order-search.contract';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

/**
 * The work-order contracts (search among them) InMemoryWorkOrders passes (test/fakes/in-memory-work-orders.test.ts),
 * on the Prisma repository on each database, so the fake cannot drift from SQLite and PostgreSQL.
 */
for (const target of TARGETS) {
  describeOn(target, 'WorkOrderRepository contract', () => {
    const fresh = useFreshDatabase(target);
    const prisma = async (): Promise<WorkOrdersUnderTest> => ({
      workOrders: fresh.db.workOrders,
      subscribers: fresh.db.subscribers,
      async eventsOf(orderNumber) {
        const stored = await fresh.db.systemEvents.listUnprocessed(100_000);
        return stored.filter((e) => e.orderNumber === orderNumber).map(({ id: _id, ...event }) => event);
      },
    });
    describeWorkOrderRepository('Prisma work orders', prisma);
    describeWorkOrderSearch('Prisma work orders', prisma);
  });
}
