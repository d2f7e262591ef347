import { describeOrderRepository } from '../../fakes/order-repository.contract';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

/** The order contract InMemoryOrders passes (test/fakes/in-memory-orders.test.ts), on the Prisma repository on each database. */
for (const target of TARGETS) {
  describeOn(target, 'OrderRepository contract', () => {
    const fresh = useFreshDatabase(target);
    describeOrderRepository('Prisma orders', async () => fresh.db.orders);
  });
}
