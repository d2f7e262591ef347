import type { Channel, NewProvisioningTransaction, ProvisioningTransaction, TransactionKind, TransactionStatus } from '../../core/index';
import type { Prisma, ProvisioningTransaction as TransactionRow } from '../../prisma/generated/sqlite/client';

/** Ids are autoincrement integers in the table and opaque strings in the core. */
export function toTransactionId(id: string): number | null {
  return /^\d{1,15}$/.test(id) ? Number(id) : null;
}

export function toTransaction(row: TransactionRow): ProvisioningTransaction {
  return {
    id: String(row.id),
    orderNumber: row.orderNumber,
    lineNumber: row.lineNumber,
    // Only this adapter writes these columns, always from the core's union types.
    kind: row.kind as TransactionKind,
    actor: { name: row.actorName, email: row.actorEmail },
    channel: row.channel as Channel,
    oldContact: row.oldContact,
    newContact: row.newContact,
    status: row.status as TransactionStatus,
    error: row.error,
    createdAt: row.createdAt,
    completedAt: row.completedAt,
  };
}

export function toTransactionCreate(tx: NewProvisioningTransaction): Prisma.ProvisioningTransactionUncheckedCreateInput {
  return {
    orderNumber: tx.orderNumber,
    lineNumber: tx.lineNumber,
    kind: tx.kind,
    actorName: tx.actor.name,
    actorEmail: tx.actor.email,
    channel: tx.channel,
    oldContact: tx.oldContact,
    newContact: tx.newContact,
    status: 'Pending' satisfies TransactionStatus,
    createdAt: tx.createdAt,
  };
}
