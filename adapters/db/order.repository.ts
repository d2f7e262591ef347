import { CoreError } from '../../core/index';
import type { LinePatch, LineStatus, OrderRepository } from '../../core/index';
import { toOrder, toOrderCreate, toLineUpdate, withLines } from './order.mapper';
import { isUniqueViolation } from './prisma-errors';
import type { DbClient } from './prisma-client';

const AWAITING: LineStatus = 'Awaiting Provisioning Details';
const CLOSED: LineStatus = 'Closed';
/** Expired lines are closed in batches so a backlog never loads all at once. */
const CLOSE_BATCH = 500;

type LineRef = { orderNumber: string; lineNumber: number };

export function createOrderRepository(db: DbClient): OrderRepository {
  return {
    async create(order) {
      try {
        // A nested create runs in one transaction: the order and its lines, or nothing.
        return toOrder(await db.order.create({ data: toOrderCreate(order), include: withLines }));
      } catch (err) {
        if (isUniqueViolation(err, 'orders', 'number')) throw new CoreError('CONFLICT', { reason: `order ${order.number} already exists` });
        throw err;
      }
    },

    async findByNumber(orderNumber) {
      const row = await db.order.findUnique({ where: { number: orderNumber }, include: withLines });
      return row ? toOrder(row) : null;
    },

    async findNumbersBySubscription(subscriptionId) {
      const rows = await db.order.findMany({ where: { subscriptionId }, orderBy: { id: 'asc' }, select: { number: true } });
      return rows.map((r) => r.number);
    },

    async updateLines(orderNumber, patches) {
      if (patches.length === 0) return;
      // Writes first, no read: on SQLite a transaction that reads before writing can
      // fail with SQLITE_BUSY when another connection writes in between.
      await db.$transaction(async (tx) => {
        for (const { lineNumber, patch } of patches) {
          const { count } = await tx.orderLine.updateMany({
            where: { order: { number: orderNumber }, lineNumber },
            data: toLineUpdate(patch),
          });
          if (count !== 1) throw new Error(`order ${orderNumber} has no line ${lineNumber}: no line was updated`);
        }
      });
    },

    async claimInitialEmail(orderNumber, lineNumber, sentAt, windowEndsAt) {
      // One conditional UPDATE: of two processes claiming the same line, one matches.
      const { count } = await db.orderLine.updateMany({
        // ponrAt null too: once the organization is onboarded the provisioning email
        // has nothing left to offer (ccw-resend-provisioning-email, "point of no return").
        where: { order: { number: orderNumber }, lineNumber, status: AWAITING, provisioningEmailSentAt: null, ponrAt: null },
        data: { provisioningEmailSentAt: sentAt, windowEndsAt },
      });
      return count === 1;
    },

    async releaseInitialEmail(orderNumber, lineNumber) {
      const patch: LinePatch = { provisioningEmailSentAt: null, windowEndsAt: null };
      await db.orderLine.updateMany({ where: { order: { number: orderNumber }, lineNumber }, data: toLineUpdate(patch) });
    },

    async findLinesDueForInitialEmail(day, limit) {
      const rows = await db.orderLine.findMany({
        // YYYY-MM-DD strings compare as the days they name.
        where: { status: AWAITING, provisioningEmailSentAt: null, ponrAt: null, order: { requestedStartDate: { lte: day } } },
        select: { lineNumber: true, order: { select: { number: true } } },
        orderBy: [{ order: { requestedStartDate: 'asc' } }, { orderId: 'asc' }, { lineNumber: 'asc' }],
        take: limit,
      });
      return rows.map((r) => ({ orderNumber: r.order.number, lineNumber: r.lineNumber }));
    },

    async closeExpiredLines(now) {
      const closed: LineRef[] = [];
      for (;;) {
        const batch = await expiredLines(db, now);
        for (const line of batch) {
          // Conditional per line: another process may have closed or provisioned it
          // since the select. Report only what we changed. The PONR does not matter
          // here: an onboarded organization is not a finished setup, billing begins.
          const { count } = await db.orderLine.updateMany({
            where: { id: line.id, status: AWAITING, windowEndsAt: { lte: now } },
            data: { status: CLOSED, closedAt: now },
          });
          if (count === 1) closed.push({ orderNumber: line.order.number, lineNumber: line.lineNumber });
        }
        if (batch.length < CLOSE_BATCH) return closed;
      }
    },

    async findLinesByWindowEnd({ status, from, to, limit, latestFirst = false }) {
      // Served by the (status, windowEndsAt) index.
      const rows = await db.orderLine.findMany({
        where: { status, windowEndsAt: { gte: from, lt: to } },
        orderBy: { windowEndsAt: latestFirst ? 'desc' : 'asc' },
        take: limit,
        include: { order: { include: withLines } },
      });
      return rows.map((row) => {
        const order = toOrder(row.order);
        return { order, line: order.lines.find((l) => l.lineNumber === row.lineNumber)! };
      });
    },
  };
}

function expiredLines(db: DbClient, now: Date) {
  return db.orderLine.findMany({
    where: { status: AWAITING, windowEndsAt: { lte: now } },
    select: { id: true, lineNumber: true, order: { select: { number: true } } },
    orderBy: { id: 'asc' },
    take: CLOSE_BATCH,
  });
}
