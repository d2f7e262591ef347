import { describeServicesSetupRepository } from '../../fakes/services-setup-repository.contract';
import { useRawTables } from './raw-rows';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

/** The services-setup contract InMemoryServicesSetups passes (test/fakes/in-memory-services-setups.test.ts), on each database. */
for (const target of TARGETS) {
  describeOn(target, 'ServicesSetupRepository contract', () => {
    const fresh = useFreshDatabase(target);
    const raw = useRawTables(() => fresh.url);
    describeServicesSetupRepository('Prisma services setups', async () => ({
      setups: fresh.db.servicesSetups,
      outbox: fresh.db.outbox,
      deliveryKeys: async () => (await raw.rows<{ key: string }>('SELECT key FROM deliveries')).map((r) => r.key),
    }));
  });
}
