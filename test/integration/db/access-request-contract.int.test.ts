import { describeAccessRequestRepository } from '../../fakes/access-request-repository.contract';
import { useRawTables } from './raw-rows';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

/**
 * The access-request contract InMemoryAccessRequests passes (test/fakes/in-memory-access-requests.test.ts),
 * on the Prisma repository on each database.
 */
for (const target of TARGETS) {
  describeOn(target, 'AccessRequestRepository contract', () => {
    const fresh = useFreshDatabase(target);
    const raw = useRawTables(() => fresh.url);
    describeAccessRequestRepository('Prisma access requests', async () => ({
      requests: fresh.db.accessRequests,
      outbox: fresh.db.outbox,
      deliveryKeys: async () => (await raw.rows<{ key: string }>('SELECT key FROM deliveries')).map((r) => r.key),
    }));
  });
}
