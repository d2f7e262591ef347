import { InMemorySubscribers, InMemoryWorkOrders } from './in-memory-workflow';
import { describeWorkOrderRepository } from './work-order-repository.contract';
import { describeWorkOrderSearch } from './work-order-search.contract';

/** The contracts test/integration/db/work-order-contract.int.test.ts runs on both databases. */
async function inMemory() {
  const subscribers = new InMemorySubscribers();
  const workOrders = new InMemoryWorkOrders(subscribers);
  return { workOrders, subscribers, eventsOf: async (n: string) => workOrders.events.filter((e) => e.orderNumber === n) };
}
describeWorkOrderRepository('InMemoryWorkOrders', inMemory);
describeWorkOrderSearch('InMemoryWorkOrders', inMemory);
