import { describeAccessRequestRepository } from './access-request-repository.contract';
import { InMemoryOutbox } from './in-memory-outbox';
import { InMemoryAccessRequests } from './in-memory-repositories';

/** The contract test/integration/db/access-request-contract.int.test.ts runs on both databases. */
describeAccessRequestRepository('InMemoryAccessRequests', async () => {
  const outbox = new InMemoryOutbox();
  return { requests: new InMemoryAccessRequests(outbox), outbox, deliveryKeys: async () => outbox.deliveries.map((d) => d.key) };
});
