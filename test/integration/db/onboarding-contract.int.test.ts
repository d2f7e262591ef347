import { describeOnboardingRepositories } from '../../fakes/onboarding-repository.contract';
import { useRawTables } from './raw-rows';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

/** The onboarding contract the in-memory store passes (test/fakes/in-memory-onboarding.test.ts), on each database. */
for (const target of TARGETS) {
  describeOn(target, 'TemplateRepository and CustomerRepository contract', () => {
    const fresh = useFreshDatabase(target);
    const raw = useRawTables(() => fresh.url);
    describeOnboardingRepositories('Prisma onboarding', async () => ({
      templates: fresh.db.templates,
      customers: fresh.db.customers,
      outbox: fresh.db.outbox,
      deliveryKeys: async () => (await raw.rows<{ key: string }>('SELECT key FROM deliveries')).map((r) => r.key),
    }));
  });
}
