import { randomUUID } from 'node:crypto';
import type { ClaimedDelivery, NewDelivery, OutboxRepository } from '../../core/index';
import { toClaimedDelivery, toDeliveryCreate, toDigestItem, toEscalation } from './outbox.mapper';
import { writeOutbox } from './outbox-writes';
import type { DbClient } from './prisma-client';
import { isUniqueViolation } from './prisma-errors';

/** Thrown inside a transaction to roll it back when someone else took the item; never escapes this file. */
class AlreadyTaken extends Error {}

/** A lease claimed for `leaseMs` at t has run out at t + leaseMs (as in test/fakes/in-memory-outbox.ts). */
const dueAndFree = (now: Date) => ({ state: 'pending', dueAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lte: now } }] });

/**
 * The outbox on Prisma, the same on SQLite and PostgreSQL. A claim is one conditional
 * UPDATE over the ids just read (WHERE still pending, due and free): on PostgreSQL two
 * processes claiming the same rows queue on the row locks, and the second re-checks
 * the WHERE after the first committed and matches nothing (READ COMMITTED), so each
 * row goes to exactly one claim; SQLite serializes writers outright. The rows a claim
 * won are read back by its token.
 */
export function createOutboxRepository(db: DbClient): OutboxRepository {
  const ours = (d: ClaimedDelivery) => ({ id: d.id, claim: d.claim });
  const released = { claim: null, claimedUntil: null };

  const settle = async (work: (tx: Parameters<Parameters<DbClient['$transaction']>[0]>[0]) => Promise<void>): Promise<boolean> => {
    try {
      await db.$transaction(work);
      return true;
    } catch (err) {
      if (err instanceof AlreadyTaken) return false;
      throw err;
    }
  };

  return {
    async write(writes) {
      const fresh = await newDeliveries(db, writes.deliveries);
      const now = new Date();
      await db.$transaction((tx) => writeOutbox(tx, { ...writes, deliveries: [] }, now));
      try {
        if (fresh.length) await db.delivery.createMany({ data: fresh.map((d) => toDeliveryCreate(d, now)) });
        return fresh.length;
      } catch (err) {
        if (!isUniqueViolation(err, 'deliveries')) throw err;
      }
      let added = 0;
      // Someone wrote one of these keys meanwhile: one by one, skipping what is stored.
      for (const d of fresh) {
        try {
          await db.delivery.create({ data: toDeliveryCreate(d, now) });
          added += 1;
        } catch (err) {
          if (!isUniqueViolation(err, 'deliveries')) throw err;
        }
      }
      return added;
    },

    async claimDue({ now, limit, leaseMs }) {
      const due = await db.delivery.findMany({ where: dueAndFree(now), orderBy: { dueAt: 'asc' }, take: limit, select: { id: true, claim: true } });
      // A claim never released: its holder died or lost its lease mid-send.
      const unreleased = new Set(due.filter((d) => d.claim !== null).map((d) => d.id));
      if (due.length === 0) return [];
      const claim = randomUUID();
      await db.delivery.updateMany({
        where: { id: { in: due.map((d) => d.id) }, ...dueAndFree(now) },
        data: { claim, claimedUntil: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
      });
      const rows = await db.delivery.findMany({ where: { claim }, orderBy: { dueAt: 'asc' } });
      return rows.map((row) => toClaimedDelivery(row, unreleased.has(row.id)));
    },

    async markSent(d, { at, posted }) {
      if (!posted) return (await db.delivery.updateMany({ where: ours(d), data: { state: 'sent', sentAt: at, ...released } })).count === 1;
      return settle(async (tx) => {
        const { count } = await tx.delivery.updateMany({ where: ours(d), data: { state: 'sent', sentAt: at, ...released } });
        if (count !== 1) throw new AlreadyTaken();
        await tx.activityPostedMessage.create({ data: { activityId: posted.activityId, platform: posted.message.platform, address: posted.message.address } });
      });
    },

    async reschedule(d, { dueAt, error, countAttempt, retryFrom, inDoubt }) {
      // In doubt, the claim token stays (its lease ended): the next claim finds a claim
      // never released and reports the delivery in doubt, as after a process died mid-send.
      const release = inDoubt ? { claimedUntil: null } : released;
      const { count } = await db.delivery.updateMany({
        where: ours(d),
        data: {
          dueAt,
          ...release,
          ...(error !== null ? { lastError: error } : {}),
          ...(countAttempt ? {} : { attempts: { decrement: 1 } }),
          ...(retryFrom ? { retryFrom } : {}),
        },
      });
      return count === 1;
    },

    async markDead(d, { at, error, alert }) {
      return settle(async (tx) => {
        const { count } = await tx.delivery.updateMany({ where: ours(d), data: { state: 'dead', lastError: error, ...released } });
        if (count !== 1) throw new AlreadyTaken();
        await writeOutbox(tx, alert, at);
      });
    },

    async dueDigestBatches(now, limit) {
      const groups = await db.digestItem.groupBy({ by: ['batchKey'], where: { dueAt: { lte: now } }, _min: { dueAt: true }, orderBy: { _min: { dueAt: 'asc' } }, take: limit });
      return groups.map((g) => ({ batchKey: g.batchKey, dueAt: g._min.dueAt ?? now }));
    },

    async listDigestBatch(batchKey, upTo) {
      const rows = await db.digestItem.findMany({ where: { batchKey, occurredAt: { lte: upTo } }, orderBy: { occurredAt: 'asc' } });
      return rows.map(toDigestItem);
    },

    async settleDigestBatch(itemIds, writes) {
      return settle(async (tx) => {
        const { count } = await tx.digestItem.deleteMany({ where: { id: { in: itemIds } } });
        if (count !== itemIds.length) throw new AlreadyTaken();
        await writeOutbox(tx, writes, new Date());
      });
    },

    async summary(now) {
      // Each count is an index range on (state, dueAt).
      const [pending, due, dead, oldest] = await Promise.all([
        db.delivery.count({ where: { state: 'pending' } }),
        db.delivery.count({ where: { state: 'pending', dueAt: { lte: now } } }),
        db.delivery.count({ where: { state: 'dead' } }),
        db.delivery.findFirst({ where: { state: 'pending' }, orderBy: { dueAt: 'asc' }, select: { dueAt: true } }),
      ]);
      return { pending, due, dead, oldestDueAt: oldest?.dueAt ?? null };
    },

    async requeueDead(now) {
      const { count } = await db.delivery.updateMany({ where: { state: 'dead' }, data: { state: 'pending', attempts: 0, dueAt: now, retryFrom: null, ...released } });
      return count;
    },

    async dueEscalations(now, limit) {
      const rows = await db.escalation.findMany({ where: { dueAt: { lte: now } }, orderBy: { dueAt: 'asc' }, take: limit });
      return rows.map(toEscalation);
    },

    async fireEscalation(id, writes) {
      return settle(async (tx) => {
        const { count } = await tx.escalation.deleteMany({ where: { id } });
        if (count !== 1) throw new AlreadyTaken();
        await writeOutbox(tx, writes, new Date());
      });
    },
  };
}

/** The deliveries whose keys are not stored yet; a key given twice is kept as first given, like one stored before. */
async function newDeliveries(db: DbClient, deliveries: NewDelivery[]): Promise<NewDelivery[]> {
  if (deliveries.length === 0) return [];
  const firstByKey = new Map<string, NewDelivery>();
  for (const d of deliveries) if (!firstByKey.has(d.key)) firstByKey.set(d.key, d);
  const unique = [...firstByKey.values()];
  const stored = new Set<string>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.delivery.findMany({ where: { key: { in: unique.slice(i, i + 500).map((d) => d.key) } }, select: { key: true } });
    for (const r of rows) stored.add(r.key);
  }
  // In key order: two writers inserting overlapping keys then take the index entries in one order, never deadlocking.
  return unique.filter((d) => !stored.has(d.key)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

