import { InMemorySubscribers, InMemoryWorkOrders } from './in-memory-workflow';
import { describeWorkOrderRepository } from './work-order-repository.contract';

/** The contract test/integration/db/work-order-contract.int.test.ts runs on both databases. */
describeWorkOrderRepository('InMemoryWorkOrders', async () => {
  const subscribers = new InMemorySubscribers();
  const workOrders = new InMemoryWorkOrders(subscribers);
  return { workOrders, subscribers, eventsOf: async (n) => workOrders.events.filter((e) => e.orderNumber === n) };
});
