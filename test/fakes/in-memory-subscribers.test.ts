import { InMemorySubscribers, InMemoryWorkOrders } from './in-memory-workflow';
import { describeSubscriberRepository } from './subscriber-repository.contract';

/** The contract test/integration/db/subscriber-contract.int.test.ts runs on both databases. */
describeSubscriberRepository('InMemorySubscribers', async () => {
  const subscribers = new InMemorySubscribers();
  return { subscribers, workOrders: new InMemoryWorkOrders(subscribers) };
});
