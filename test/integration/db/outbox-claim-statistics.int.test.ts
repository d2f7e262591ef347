import { expect, it } from 'vitest';
import { aDelivery, deliveries, minutes, T0 } from './outbox-fixtures';
import { useRawTables } from './raw-rows';
import { describeOn, postgresTarget, useFreshDatabase } from './test-databases';

const LEASE = 30_000;
/** The claim's read of due rows (adapters/db/outbox-claim.ts), to ask the planner how it would run it. */
const AT_T0 = `TIMESTAMP '${T0.toISOString().replace('T', ' ').replace('Z', '')}'`;
const DUE_READ = `SELECT d."id" FROM "deliveries" d WHERE d."state" = 'pending' AND d."dueAt" <= ${AT_T0}
  AND (d."claimedUntil" IS NULL OR d."claimedUntil" <= ${AT_T0}) ORDER BY d."dueAt" LIMIT 100`;

/**
 * Right after a burst the deliveries table has no statistics (or ones from before it):
 * the planner then guessed a few due rows and read and sorted every one of them on each
 * claim. A full claim now refreshes them, so the claim reads the (state, dueAt) index in order.
 */
/** A database of its own for each test: table statistics outlive a cleared table, so no test may see another's. */
function freshOutbox() {
  const fresh = useFreshDatabase(postgresTarget);
  const raw = useRawTables(() => fresh.url);
  const reltuples = async () =>
    Number((await raw.rows<{ n: number }>(`SELECT reltuples AS n FROM pg_class WHERE oid = '"deliveries"'::regclass`))[0]?.n);
  const plan = async () => (await raw.rows<{ 'QUERY PLAN': string }>(`EXPLAIN ${DUE_READ}`)).map((r) => r['QUERY PLAN']).join('\n');
  return { fresh, raw, reltuples, plan };
}

describeOn(postgresTarget, 'OutboxRepository claim statistics', () => {
  const { fresh, reltuples, plan } = freshOutbox();

  it('a full claim refreshes the statistics, and the due rows are then read in index order, not sorted', async () => {
    const burst = Array.from({ length: 3_000 }, (_, i) => aDelivery({ key: `burst:${i}`, dueAt: minutes(-1 - i / 1000) }));
    for (let i = 0; i < burst.length; i += 500) await fresh.db.outbox.write(deliveries(...burst.slice(i, i + 500)));
    expect(await reltuples()).toBe(-1);
    expect(await plan()).toMatch(/Sort/);

    // Not full: no backlog, nothing refreshed.
    expect(await fresh.db.outbox.claimDue({ now: minutes(-3.9), limit: 1_000, leaseMs: LEASE })).toHaveLength(100);
    await new Promise((r) => setTimeout(r, 300));
    expect(await reltuples()).toBe(-1);

    expect(await fresh.db.outbox.claimDue({ now: T0, limit: 100, leaseMs: LEASE })).toHaveLength(100);
    for (const deadline = Date.now() + 10_000; (await reltuples()) <= 0 && Date.now() < deadline; )
      await new Promise((r) => setTimeout(r, 50));
    expect(await reltuples()).toBe(3_000);
    const after = await plan();
    expect(after).toMatch(/Index Scan using "deliveries_state_dueAt_idx"/);
    expect(after).not.toMatch(/Sort/);
  });
});

describeOn(postgresTarget, 'OutboxRepository claim statistics, backlog after backlog', () => {
  const { fresh, raw, reltuples } = freshOutbox();

  it("a second backlog within the minute refreshes them again, so its claims do not run on the first one's", async () => {
    await raw.clearOutbox();
    // Whatever an earlier test left: a claim that is not full ends any backlog.
    expect(await fresh.db.outbox.claimDue({ now: T0, limit: 1, leaseMs: LEASE })).toHaveLength(0);
    const burst = (name: string, n: number) =>
      Array.from({ length: n }, (_, i) => aDelivery({ key: `${name}:${i}`, dueAt: minutes(-1 - i / 1000) }));
    const settledAt = async (n: number) => {
      for (const deadline = Date.now() + 10_000; (await reltuples()) !== n && Date.now() < deadline; )
        await new Promise((r) => setTimeout(r, 50));
      return reltuples();
    };

    await fresh.db.outbox.write(deliveries(...burst('first', 300)));
    expect(await fresh.db.outbox.claimDue({ now: T0, limit: 100, leaseMs: LEASE })).toHaveLength(100);
    expect(await settledAt(300)).toBe(300);
    // The first backlog ends: the rest fits in one claim.
    expect(await fresh.db.outbox.claimDue({ now: T0, limit: 1_000, leaseMs: LEASE })).toHaveLength(200);

    await fresh.db.outbox.write(deliveries(...burst('second', 2_000)));
    expect(await fresh.db.outbox.claimDue({ now: T0, limit: 100, leaseMs: LEASE })).toHaveLength(100);
    expect(await settledAt(2_300)).toBe(2_300);
  });
});
