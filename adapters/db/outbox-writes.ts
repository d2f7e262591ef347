import type { NewDelivery, OutboxWrites, StepNotices } from '../../core/index';
import { Prisma } from '../../prisma/generated/sqlite/client';
import { toDeliveryCreate, toDigestCreate, toEscalationCreate } from './outbox.mapper';
import type { DbClient, DbTransaction } from './prisma-client';

/** Rows per INSERT: 10 parameters a row stays far below SQLite's 32,766 and PostgreSQL's 65,535. */
const INSERT_ROWS = 500;

/**
 * Writes outbox rows inside the caller's transaction. A delivery whose key is already
 * stored is skipped, as the port promises: a digest of one activity is that activity's
 * own notice, which a person in two groups may already have had at once.
 */
export async function writeOutbox(tx: DbTransaction, writes: OutboxWrites, now: Date): Promise<number> {
  const added = await insertDeliveries(tx, writes.deliveries, now);
  if (writes.digestItems.length) await tx.digestItem.createMany({ data: writes.digestItems.map(toDigestCreate) });
  if (writes.escalations.length) await tx.escalation.createMany({ data: writes.escalations.map(toEscalationCreate) });
  return added;
}

/** A workflow step's notices: acting on an activity cancels its escalation first, then the step's own rows. */
export async function writeStepNotices(tx: DbTransaction, notices: StepNotices, now: Date): Promise<void> {
  if (notices.cancelEscalationsFor.length) await tx.escalation.deleteMany({ where: { activityId: { in: notices.cancelEscalationsFor } } });
  await writeOutbox(tx, notices, now);
}

/**
 * New deliveries in one INSERT … ON CONFLICT ("key") DO NOTHING per 500 rows: a key
 * already stored (or written meanwhile by another process) is skipped by the database
 * itself, with no read before and no transaction around it, and the statement's row
 * count is what it added. Raw SQL because Prisma's createMany has skipDuplicates on
 * PostgreSQL only; Prisma.sql binds every value as a parameter, with each provider's
 * placeholders. A key given twice is kept as first given; rows go in key order, so
 * two writers inserting overlapping keys take the index entries in one order and
 * never deadlock on PostgreSQL (each waits for the other's uncommitted key instead).
 */
export async function insertDeliveries(db: DbClient | DbTransaction, deliveries: NewDelivery[], now: Date): Promise<number> {
  if (deliveries.length === 0) return 0;
  const firstByKey = new Map<string, NewDelivery>();
  for (const d of deliveries) if (!firstByKey.has(d.key)) firstByKey.set(d.key, d);
  const rows = [...firstByKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((d) => toDeliveryCreate(d, now));
  let added = 0;
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    const values = rows
      .slice(i, i + INSERT_ROWS)
      .map(
        (r) =>
          Prisma.sql`(${r.id}, ${r.key}, ${r.channel}, ${r.target}, ${r.content}, ${r.state}, ${r.attempts}, ${r.dueAt}, ${r.createdAt})`,
      );
    added +=
      await db.$executeRaw`INSERT INTO "deliveries" ("id", "key", "channel", "target", "content", "state", "attempts", "dueAt", "createdAt")
      VALUES ${Prisma.join(values)} ON CONFLICT ("key") DO NOTHING`;
  }
  return added;
}
