import type { ClaimedDelivery, OutboxRepository } from '../../core/index';
import type { Provider } from './database-url';
import { createClaimer } from './outbox-claim';
import { toDelivery, toDigestItem, toEscalation } from './outbox.mapper';
import { insertDeliveries, writeOutbox } from './outbox-writes';
import { Prisma } from '../../prisma/generated/sqlite/client';
import type { DbClient } from './prisma-client';

/** Thrown inside a transaction to roll it back when someone else took the item; never escapes this file. */
class AlreadyTaken extends Error {}

/**
 * The outbox on Prisma, on SQLite and PostgreSQL: each result is a conditional write
 * (WHERE the claim is still ours), so each due row is settled by exactly one claim;
 * claims are in outbox-claim.ts, batch inserts in outbox-writes.ts.
 */
export function createOutboxRepository(db: DbClient, provider: Provider): OutboxRepository {
  const ours = (d: ClaimedDelivery) => ({ id: d.id, claim: d.claim });
  const released = { claim: null, claimedUntil: null };
  const claim = createClaimer(db, provider);

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
      const now = new Date();
      // Deliveries alone are one statement each 500 rows; with digests or escalations, all or nothing.
      if (!writes.digestItems.length && !writes.escalations.length) return insertDeliveries(db, writes.deliveries, now, provider);
      return db.$transaction((tx) => writeOutbox(tx, writes, now, provider));
    },

    claimDue(input) {
      return claim(input);
    },

    async markSent(d, { at, posted }) {
      if (!posted) return (await db.delivery.updateMany({ where: ours(d), data: { state: 'sent', sentAt: at, ...released } })).count === 1;
      return settle(async (tx) => {
        const { count } = await tx.delivery.updateMany({ where: ours(d), data: { state: 'sent', sentAt: at, ...released } });
        if (count !== 1) throw new AlreadyTaken();
        const { platform, address } = posted.message;
        if ('activityId' in posted) await tx.activityPostedMessage.create({ data: { activityId: posted.activityId, platform, address } });
        else if ('accessRequestId' in posted)
          await tx.accessRequestMessage.create({ data: { requestId: posted.accessRequestId, platform, address } });
        else if ('customerId' in posted)
          await tx.customerPostedMessage.create({ data: { customerId: posted.customerId, platform, address } });
        else await tx.servicesSetupMessage.create({ data: { customerId: posted.servicesSetupId, platform, address } });
      });
    },

    async markAllSent(deliveries, { at }) {
      if (deliveries.length === 0) return 0;
      if (provider === 'postgresql') return markAllSentFromJson(db, deliveries, at);
      const byClaim = new Map<string, string[]>();
      for (const d of deliveries) byClaim.set(d.claim, [...(byClaim.get(d.claim) ?? []), d.id]);
      let marked = 0;
      for (const [claim, ids] of byClaim) {
        marked += await db.$executeRaw`UPDATE "deliveries" SET "state" = 'sent', "sentAt" = ${at}, "claim" = NULL, "claimedUntil" = NULL
          WHERE "claim" = ${claim} AND "id" IN (${Prisma.join(ids)})`;
      }
      return marked;
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

    async release(deliveries) {
      let handedBack = 0;
      // One statement per claim and doubt: a claim in doubt keeps its token (as reschedule's inDoubt).
      for (const { claim, inDoubt, ids } of groupByClaim(deliveries)) {
        const { count } = await db.delivery.updateMany({
          where: { claim, id: { in: ids }, state: 'pending' },
          data: { ...(inDoubt ? { claimedUntil: null } : released), attempts: { decrement: 1 } },
        });
        handedBack += count;
      }
      return handedBack;
    },

    async markDead(d, { at, error, alert }) {
      return settle(async (tx) => {
        const { count } = await tx.delivery.updateMany({ where: ours(d), data: { state: 'dead', lastError: error, ...released } });
        if (count !== 1) throw new AlreadyTaken();
        await writeOutbox(tx, alert, at, provider);
      });
    },

    async dueDigestBatches(now, limit) {
      const groups = await db.digestItem.groupBy({
        by: ['batchKey'],
        where: { dueAt: { lte: now } },
        _min: { dueAt: true },
        orderBy: { _min: { dueAt: 'asc' } },
        take: limit,
      });
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
        await writeOutbox(tx, writes, new Date(), provider);
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

    async listDead(limit) {
      // Newest last attempt first: a backward range scan of the (state, dueAt) index.
      const [rows, total] = await Promise.all([
        db.delivery.findMany({ where: { state: 'dead' }, orderBy: [{ dueAt: 'desc' }, { id: 'asc' }], take: limit }),
        db.delivery.count({ where: { state: 'dead' } }),
      ]);
      return { deliveries: rows.map(toDelivery), total };
    },

    async findDelivery(id) {
      const row = await db.delivery.findUnique({ where: { id } });
      return row && toDelivery(row);
    },

    async requeueDead(now, id) {
      const { count } = await db.delivery.updateMany({
        where: { state: 'dead', ...(id !== undefined ? { id } : {}) },
        data: { state: 'pending', attempts: 0, dueAt: now, retryFrom: null, ...released },
      });
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
        await writeOutbox(tx, writes, new Date(), provider);
      });
    },
  };
}

/** Deliveries by their claim token and whether they were claimed in doubt. */
function groupByClaim(deliveries: ClaimedDelivery[]): { claim: string; inDoubt: boolean; ids: string[] }[] {
  const groups = new Map<string, { claim: string; inDoubt: boolean; ids: string[] }>();
  for (const d of deliveries) {
    const key = `${d.claim}|${d.inDoubt}`;
    const group = groups.get(key) ?? { claim: d.claim, inDoubt: d.inDoubt, ids: [] };
    group.ids.push(d.id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * PostgreSQL: every (id, claim) pair as one JSON parameter, one statement whatever the
 * number of claims (a round's successes, and late ones from earlier rounds coalesced
 * with them); each pair finds its row by primary key and marks it only if the claim
 * is still that one. SQLite takes a statement per claim with the ids bound one by one.
 */
function markAllSentFromJson(db: DbClient, deliveries: ClaimedDelivery[], at: Date): Promise<number> {
  const pairs = JSON.stringify(deliveries.map((d) => ({ id: d.id, claim: d.claim })));
  return db.$executeRawUnsafe(
    `UPDATE "deliveries" d SET "state" = 'sent', "sentAt" = $1, "claim" = NULL, "claimedUntil" = NULL
     FROM json_to_recordset($2::json) AS s("id" text, "claim" text)
     WHERE d."id" = s."id" AND d."claim" = s."claim"`,
    at,
    pairs,
  );
}
