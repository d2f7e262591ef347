import type { Activity, WorkflowChange, WorkOrder } from '../../core/index';
import type { DbClient, DbTransaction } from './prisma-client';
import { writeStepNotices } from './outbox-writes';
import { isUniqueViolation } from './prisma-errors';
import { toProductData } from './subscriber.mapper';
import { toActivityData, toSystemEventCreate, toWorkOrderData } from './work-order.mapper';

/** Thrown inside the transaction to roll it back when a version no longer matches; never escapes this file. */
class StaleWrite extends Error {
  constructor(what: string) {
    super(`stale write: ${what}`);
  }
}

type Versioned<T> = { expectedVersion: number | null; next: T };

/**
 * One workflow step, all or nothing, in one interactive transaction. Each row is
 * written with a conditional UPDATE (WHERE version = expected) or an INSERT (expected
 * null). Of two steps racing from the same version, the second UPDATE waits for the
 * first's row lock (PostgreSQL) or the write lock (SQLite), then matches no row, and
 * the whole step rolls back: the first decision wins, from whichever channel.
 */
export async function commitChange(db: DbClient, change: WorkflowChange): Promise<boolean> {
  try {
    await db.$transaction((tx) => writeChange(tx, change));
    return true;
  } catch (err) {
    if (err instanceof StaleWrite) return false;
    throw err;
  }
}

async function writeChange(tx: DbTransaction, change: WorkflowChange): Promise<void> {
  // The order first, so the first statement writes: on SQLite a transaction that reads
  // first cannot wait for another process's write lock (SQLITE_BUSY instead).
  await writeOrder(tx, change.order);
  // Activities by id: concurrent steps then lock rows in one order, never deadlocking.
  const activities = [...change.activities].sort((a, b) => (a.next.id < b.next.id ? -1 : a.next.id > b.next.id ? 1 : 0));
  for (const activity of activities) await writeActivity(tx, activity);
  if (change.products) await writeProducts(tx, change.products);
  if (change.events?.length) await tx.systemEvent.createMany({ data: change.events.map(toSystemEventCreate) });
  if (change.notices) await writeStepNotices(tx, change.notices, change.order.next.updatedAt);
}

async function writeOrder(tx: DbTransaction, { expectedVersion, next }: Versioned<WorkOrder>): Promise<void> {
  const data = toWorkOrderData(next);
  if (expectedVersion === null) {
    await insertOnce('work_orders', `order ${next.number} exists`, () =>
      tx.workOrder.createMany({ data: [{ number: next.number, ...data }] }),
    );
    return;
  }
  const { count } = await tx.workOrder.updateMany({ where: { number: next.number, version: expectedVersion }, data });
  if (count !== 1) throw new StaleWrite(`order ${next.number} is not at version ${expectedVersion}`);
}

async function writeActivity(tx: DbTransaction, { expectedVersion, next }: Versioned<Activity>): Promise<void> {
  const data = toActivityData(next);
  if (expectedVersion === null) {
    await insertOnce('activities', `activity ${next.id} exists`, () => tx.activity.createMany({ data: [{ id: next.id, ...data }] }));
    return;
  }
  const { count } = await tx.activity.updateMany({ where: { id: next.id, version: expectedVersion }, data });
  if (count !== 1) throw new StaleWrite(`activity ${next.id} is not at version ${expectedVersion}`);
}

/** A row that is new to this step: someone else inserting it first is a lost race, not an error. */
async function insertOnce(table: string, what: string, insert: () => Promise<unknown>): Promise<void> {
  try {
    await insert();
  } catch (err) {
    if (isUniqueViolation(err, table)) throw new StaleWrite(what);
    throw err;
  }
}

/**
 * Products the backend provisioned or changed are put whole, except their notes: notes
 * are only appended (addNote), so a step built from an older read cannot drop one.
 * A new product is created with the notes it carries.
 */
async function writeProducts(tx: DbTransaction, products: NonNullable<WorkflowChange['products']>): Promise<void> {
  // Claim each product with one conditional UPDATE, so of two orders placed at once
  // against it, the second matches no row (after waiting for the first's row lock).
  for (const id of products.expectUnmarked ?? []) {
    const mark = products.put.find((p) => p.id === id)?.openOrderNumber ?? null;
    const { count } = await tx.subscriberProduct.updateMany({ where: { id, openOrderNumber: null }, data: { openOrderNumber: mark } });
    if (count !== 1) throw new StaleWrite(`product ${id} already has an order running against it`);
  }
  for (const product of products.put) {
    const data = toProductData(product);
    await tx.subscriberProduct.upsert({
      where: { id: product.id },
      create: { id: product.id, ...data, notes: { create: product.notes.map((n) => ({ text: n.text, author: n.author, at: n.at })) } },
      update: data,
    });
  }
  if (products.remove.length) await tx.subscriberProduct.deleteMany({ where: { id: { in: products.remove } } });
}
