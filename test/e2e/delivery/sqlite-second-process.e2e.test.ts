import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteTarget } from '../../integration/db/test-databases';
import { placeWorkOrder, setUpApprovals } from './approval-orders';
import { killAllBotProcesses, startBotProcess } from './bot-processes';

/**
 * A second bot process on the SQLite file a running bot uses: a rolling restart (the
 * new process up before the old one stops), or a second process for the outbox. WAL
 * lets both read and write (adapters/db/create-database.ts); starting must not need
 * the file to itself when there is no migration to apply.
 */
describe('a second bot process on a SQLite file another bot is using', () => {
  let db: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    db = await sqliteTarget.fresh();
  });
  afterAll(async () => {
    await killAllBotProcesses();
    await db?.drop();
  });

  it('starts beside the first, and both serve the same orders', { timeout: 90_000 }, async () => {
    const first = await startBotProcess({ DATABASE_URL: db.url });
    await setUpApprovals(first.api);
    const second = await startBotProcess({ DATABASE_URL: db.url });
    const number = await placeWorkOrder(second.api);
    const seen = await first.api('GET', `/api/work-orders/${number}`);
    expect(seen).toMatchObject({ status: 200, body: { order: { number, extendedStatus: 'Waiting for Approval' } } });
  });
});
