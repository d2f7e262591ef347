import { InMemoryCustomers, InMemoryTemplates } from './in-memory-onboarding';
import { InMemoryOutbox } from './in-memory-outbox';
import { describeOnboardingRepositories } from './onboarding-repository.contract';

/** The contract test/integration/db/onboarding-contract.int.test.ts runs on both databases. */
describeOnboardingRepositories('InMemoryTemplates and InMemoryCustomers', async () => {
  const outbox = new InMemoryOutbox();
  const templates = new InMemoryTemplates();
  return {
    templates,
    customers: new InMemoryCustomers(templates, outbox),
    outbox,
    deliveryKeys: async () => outbox.deliveries.map((d) => d.key),
  };
});
