import { InMemoryOutbox } from './in-memory-outbox';
import { InMemoryServicesSetups } from './in-memory-services-setup';
import { describeServicesSetupRepository } from './services-setup-repository.contract';

/** The contract test/integration/db/services-setup-contract.int.test.ts runs on both databases. */
describeServicesSetupRepository('InMemoryServicesSetups', async () => {
  const outbox = new InMemoryOutbox();
  return { setups: new InMemoryServicesSetups(outbox), outbox, deliveryKeys: async () => outbox.deliveries.map((d) => d.key) };
});
