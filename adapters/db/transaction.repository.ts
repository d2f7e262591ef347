import type { TransactionRepository } from '../../core/index';
import { writeOutbox } from './outbox-writes';
import type { DbClient } from './prisma-client';
import { toTransaction, toTransactionCreate, toTransactionId } from './transaction.mapper';

export function createTransactionRepository(db: DbClient): TransactionRepository {
  return {
    async record(tx, outbox) {
      if (!outbox) return toTransaction(await db.provisioningTransaction.create({ data: toTransactionCreate(tx) }));
      return db.$transaction(async (t) => {
        const recorded = toTransaction(await t.provisioningTransaction.create({ data: toTransactionCreate(tx) }));
        await writeOutbox(t, outbox(recorded), new Date());
        return recorded;
      });
    },

    async findById(id) {
      const rowId = toTransactionId(id);
      const row = rowId === null ? null : await db.provisioningTransaction.findUnique({ where: { id: rowId } });
      return row ? toTransaction(row) : null;
    },

    async complete(id, status, completedAt, error) {
      const rowId = toTransactionId(id);
      const { count } =
        rowId === null
          ? { count: 0 }
          : await db.provisioningTransaction.updateMany({
              where: { id: rowId },
              data: { status, completedAt, error: error ?? null },
            });
      // The id came from record(): a miss is a bug, not a state to tolerate quietly.
      if (count !== 1) throw new Error(`no provisioning transaction ${id}`);
    },

    async completePendingForLine(orderNumber, lineNumber, status, completedAt, error) {
      await db.provisioningTransaction.updateMany({
        where: { orderNumber, lineNumber, status: 'Pending' },
        data: { status, completedAt, error: error ?? null },
      });
    },

    async listForOrder(orderNumber, limit) {
      const rows = await db.provisioningTransaction.findMany({
        where: { orderNumber },
        // The id breaks ties between rows recorded in the same millisecond.
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: limit,
      });
      return rows.map(toTransaction);
    },
  };
}
