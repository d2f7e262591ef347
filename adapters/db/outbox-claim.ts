import { randomUUID } from 'node:crypto';
import type { ClaimedDelivery } from '../../core/index';
import type { Delivery as DeliveryRow } from '../../prisma/generated/sqlite/client';
import type { Provider } from './database-url';
import { toClaimedDelivery } from './outbox.mapper';
import type { DbClient } from './prisma-client';

export interface ClaimInput {
  now: Date;
  limit: number;
  leaseMs: number;
}

/** A lease claimed for `leaseMs` at t has run out at t + leaseMs (as in test/fakes/in-memory-outbox.ts). */
export const dueAndFree = (now: Date) => ({
  state: 'pending',
  dueAt: { lte: now },
  OR: [{ claimedUntil: null }, { claimedUntil: { lte: now } }],
});

/**
 * Claims the due deliveries: read the oldest due and free ids, then one conditional
 * UPDATE over them (WHERE still pending, due and free). On PostgreSQL two processes
 * claiming the same rows queue on the row locks, and the second re-checks the WHERE
 * after the first committed and matches nothing (READ COMMITTED), so each row goes
 * to exactly one claim; SQLite serializes writers outright. A row read with a claim
 * was never released: its holder died or lost its lease mid-send (in doubt).
 */
export function claimDue(db: DbClient, provider: Provider, input: ClaimInput): Promise<ClaimedDelivery[]> {
  return provider === 'postgresql' ? claimInOneStatement(db, input) : claimInSteps(db, input);
}

/** During a backlog that goes on, at most one statistics refresh a minute per process. */
const ANALYZE_EVERY_MS = 60_000;

/**
 * claimDue, and on PostgreSQL a statistics refresh (ANALYZE "deliveries", in the
 * background) when a claim comes back full: at the first full claim of a backlog (the
 * claim before was not full), then at most once a minute while it lasts, one at a time.
 * Without statistics, or with ones taken before the burst (most rows then 'sent'), the
 * planner guesses that a few rows are due and reads every due row to sort them (34 ms
 * a claim with 10,000 pending) instead of reading the (state, dueAt) index in order and
 * stopping at the batch (0.4 ms); autovacuum would refresh them only on its next
 * visit, after the backlog is sent. A once-a-minute limit alone left a second burst
 * within the minute on the stale plan: the Hardening bench's dispatch swung from 1.6x
 * pg-boss to 0.2x on whether the warm-up's refresh had seen its rows pending or sent.
 */
export function createClaimer(db: DbClient, provider: Provider): (input: ClaimInput) => Promise<ClaimedDelivery[]> {
  let analyzedAt = Number.NEGATIVE_INFINITY;
  let analyzing = false;
  let lastWasFull = false;
  return async (input) => {
    const claimed = await claimDue(db, provider, input);
    const full = claimed.length === input.limit;
    const startsBacklog = full && !lastWasFull;
    lastWasFull = full;
    if (provider === 'postgresql' && full && !analyzing && (startsBacklog || Date.now() - analyzedAt >= ANALYZE_EVERY_MS)) {
      analyzedAt = Date.now();
      analyzing = true;
      // Only a planner hint: a failure changes no result, and a later backlog tries again.
      void db
        .$executeRawUnsafe('ANALYZE "deliveries"')
        .catch(() => {
          analyzedAt = Number.NEGATIVE_INFINITY;
        })
        .finally(() => {
          analyzing = false;
        });
    }
    return claimed;
  };
}

/**
 * PostgreSQL: the read, the conditional UPDATE and the read-back as one statement, one
 * round trip a batch (the Hardening issue measured three). The same two steps as
 * claimInSteps, so the same semantics; RETURNING has no order, hence the outer ORDER BY.
 */
async function claimInOneStatement(db: DbClient, { now, limit, leaseMs }: ClaimInput): Promise<ClaimedDelivery[]> {
  const claim = randomUUID();
  const free = (t: string) =>
    `${t}."state" = 'pending' AND ${t}."dueAt" <= $1 AND (${t}."claimedUntil" IS NULL OR ${t}."claimedUntil" <= $1)`;
  const rows = await db.$queryRawUnsafe<(DeliveryRow & { inDoubt: boolean })[]>(
    `WITH due AS (SELECT d."id", d."claim" FROM "deliveries" d WHERE ${free('d')} ORDER BY d."dueAt" LIMIT $2),
     claimed AS (
       UPDATE "deliveries" d SET "claim" = $3, "claimedUntil" = $4, "attempts" = d."attempts" + 1
       FROM due WHERE d."id" = due."id" AND ${free('d')}
       RETURNING d.*, due."claim" IS NOT NULL AS "inDoubt")
     SELECT * FROM claimed ORDER BY "dueAt"`,
    now,
    limit,
    claim,
    new Date(now.getTime() + leaseMs),
  );
  return rows.map((row) => toClaimedDelivery(row, row.inDoubt));
}

/** SQLite: its RETURNING sees only the updated row, not the claim read before, so in three steps (its writers are serialized anyway). */
async function claimInSteps(db: DbClient, { now, limit, leaseMs }: ClaimInput): Promise<ClaimedDelivery[]> {
  const due = await db.delivery.findMany({
    where: dueAndFree(now),
    orderBy: { dueAt: 'asc' },
    take: limit,
    select: { id: true, claim: true },
  });
  if (due.length === 0) return [];
  const unreleased = new Set(due.filter((d) => d.claim !== null).map((d) => d.id));
  const claim = randomUUID();
  await db.delivery.updateMany({
    where: { id: { in: due.map((d) => d.id) }, ...dueAndFree(now) },
    data: { claim, claimedUntil: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
  });
  const rows = await db.delivery.findMany({ where: { claim }, orderBy: { dueAt: 'asc' } });
  return rows.map((row) => toClaimedDelivery(row, unreleased.has(row.id)));
}
