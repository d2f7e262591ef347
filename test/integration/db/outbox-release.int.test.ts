import { beforeEach } from 'vitest';
import { describeOutboxRelease } from '../../fakes/outbox-release.contract';
import { useRawTables } from './raw-rows';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

/** The release contract (test/fakes/outbox-release.contract.ts) on a real SQLite file and PostgreSQL. */
for (const target of TARGETS) {
  describeOn(target, 'OutboxRepository.release', () => {
    const fresh = useFreshDatabase(target);
    const raw = useRawTables(() => fresh.url);
    beforeEach(() => raw.clearOutbox());
    describeOutboxRelease(target.name, async () => fresh.db.outbox);
  });
}
