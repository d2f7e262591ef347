import { randomUUID } from 'node:crypto';
import type { NewEscalation } from '../../core/index';
import type { OpenBenchDatabase } from './bench-database-access';
import { inSlices } from './bench-database-access';
import type { BenchUser } from './in-process-orders';
import { BENCH_DOMAIN } from './workflow-seed';

/** The administrator an escalation goes to ("an email to the system administrators"): by email only, one notice per escalation. */
export const ADMIN: BenchUser = {
  email: 'ada.admin@bench.example',
  name: 'Ada Admin',
  roles: [{ role: 'Administrator', domain: BENCH_DOMAIN }],
};
const INSERT_SLICE = 1_000;
const WINDOW_MINUTES = 60;

export async function clearOutbox(open: OpenBenchDatabase): Promise<void> {
  await emptyTables(open, ['deliveries', 'escalations', 'digest_items']);
}

/**
 * Empties outbox tables between runs. TRUNCATE on PostgreSQL: a DELETE leaves dead
 * rows whose keys the next run writes again, and each insert's unique check would
 * visit them (until a vacuum), so later runs would pay for earlier ones; the bot never
 * writes a key twice, so that cost is the bench's, not the sweep's.
 */
export async function emptyTables(open: OpenBenchDatabase, tables: ('deliveries' | 'escalations' | 'digest_items')[]): Promise<void> {
  const list = tables.map((t) => `"${t}"`).join(', ');
  if (open.provider === 'postgresql') await open.raw((c) => c.$executeRawUnsafe(`TRUNCATE ${list}`));
  else for (const t of tables) await open.raw((c) => c.$executeRawUnsafe(`DELETE FROM "${t}"`));
}

/** One escalation per activity, each overdue by up to an hour. */
export function overdue(activityIds: string[], now: Date): NewEscalation[] {
  return activityIds.map((activityId, i) => ({
    activityId,
    domain: BENCH_DOMAIN,
    windowMinutes: WINDOW_MINUTES,
    dueAt: new Date(now.getTime() - 1_000 - (i % 3_600) * 1_000),
  }));
}

/** Escalations due between an hour and 30 days from now, for activities never read (they are not due). */
export function notYetDue(count: number, now: Date): NewEscalation[] {
  const spread = 30 * 24 * 3_600_000;
  return Array.from({ length: count }, (_, i) => ({
    activityId: randomUUID(),
    domain: BENCH_DOMAIN,
    windowMinutes: WINDOW_MINUTES,
    dueAt: new Date(now.getTime() + 3_600_000 + Math.floor((i * spread) / Math.max(1, count))),
  }));
}

/**
 * Bulk insert (setup, not timed): multi-row INSERTs, several times faster than
 * createMany here. The values are bound parameters, so the driver adapter stores the
 * dates exactly as the repository's own writes do.
 */
export async function insertEscalations(open: OpenBenchDatabase, rows: NewEscalation[]): Promise<void> {
  const mark = open.provider === 'postgresql' ? (n: number) => `$${n}` : () => '?';
  await inSlices(rows, INSERT_SLICE, async (slice) => {
    const values = slice.map((_, i) => `(${[1, 2, 3, 4, 5].map((k) => mark(i * 5 + k)).join(', ')})`).join(', ');
    const params = slice.flatMap((e) => [randomUUID(), e.activityId, e.domain, e.windowMinutes, e.dueAt]);
    await open.raw((c) =>
      c.$executeRawUnsafe(`INSERT INTO "escalations" ("id", "activityId", "domain", "windowMinutes", "dueAt") VALUES ${values}`, ...params),
    );
  });
  await settle(open);
}

/**
 * What the database does on its own some time after a bulk insert, done now so that
 * it does not land inside a timed sweep: PostgreSQL's autovacuum (statistics for the
 * planner, the visibility map), SQLite's WAL checkpoint (the first commit after a big
 * insert would otherwise copy every inserted page into the database file).
 */
async function settle(open: OpenBenchDatabase): Promise<void> {
  if (open.provider === 'postgresql') await open.raw((c) => c.$executeRawUnsafe('VACUUM ANALYZE "escalations"'));
  else await open.raw((c) => c.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)'));
}

/**
 * The due query as the outbox repository issues it (dueEscalations: WHERE dueAt <= now
 * ORDER BY dueAt LIMIT 500), explained by the database: SQLite's EXPLAIN QUERY PLAN,
 * PostgreSQL's EXPLAIN ANALYZE (the plan and the rows it actually read).
 */
export async function explainDueQuery(open: OpenBenchDatabase, now: Date, limit: number): Promise<string[]> {
  const query = `SELECT "id", "activityId", "domain", "windowMinutes", "dueAt" FROM "escalations" WHERE "dueAt" <= $1 ORDER BY "dueAt" ASC LIMIT ${limit}`;
  if (open.provider === 'postgresql') {
    const rows = await open.raw((c) =>
      c.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) ${query}`, now),
    );
    return rows.map((r) => r['QUERY PLAN']);
  }
  const rows = await open.raw((c) => c.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${query.replace('$1', '?')}`, now));
  return rows.map((r) => r.detail);
}
