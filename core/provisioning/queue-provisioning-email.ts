import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { actorAsPerson } from '../directory/actor';
import { noWrites } from '../notifications/delivery';
import type { Order, OrderLine } from './provisioning';
import type { ProvisioningTransaction, TransactionKind, TransactionStatus } from './provisioning-transaction';

export interface EmailAttempt {
  lineNumber: number;
  to: string;
  /** Pending while the outbox still tries (the mail server is slow or down), then Sent or Failed. */
  status: TransactionStatus;
  /** The mail server's answer when the email could not be sent. */
  error: string | null;
}

/**
 * Records one line's provisioning email in the order history, Pending, with its outbox
 * delivery in the same transaction: the outbox sends it with retries, and the row turns
 * Sent when it is sent or Failed when it is dead (provisioning-email-settled.ts), so a
 * mail server that is down delays the email rather than losing it.
 */
export async function queueProvisioningEmail(
  deps: CoreDeps,
  input: { order: Order; line: OrderLine; to: string; kind: TransactionKind; actor: Actor; oldContact: string | null },
): Promise<ProvisioningTransaction> {
  const { order, line, to } = input;
  const now = deps.clock.now();
  const row = {
    orderNumber: order.number,
    lineNumber: line.lineNumber,
    kind: input.kind,
    actor: actorAsPerson(input.actor),
    channel: input.actor.channel,
    oldContact: input.oldContact,
    newContact: to,
    createdAt: now,
  };
  return deps.transactions.record(row, (tx) => ({
    ...noWrites(),
    deliveries: [
      {
        key: `provisioning:${tx.id}`,
        target: { channel: 'email', address: to, asUser: false, domain: order.domain },
        content: {
          kind: 'provisioning-email',
          orderNumber: order.number,
          lineNumber: line.lineNumber,
          to,
          emailKind: input.kind,
          transactionId: tx.id,
        },
        dueAt: now,
      },
    ],
  }));
}

/**
 * After the outbox was told: each queued email as its history row now stands (Sent
 * already when the dispatcher got to it before this reads; usually Pending).
 */
export async function emailAttempts(deps: CoreDeps, queued: ProvisioningTransaction[]): Promise<EmailAttempt[]> {
  if (queued.length === 0) return [];
  await deps.deliveries.deliveriesWritten();
  return Promise.all(
    queued.map(async (q) => {
      const row = (await deps.transactions.findById(q.id)) ?? q;
      return { lineNumber: row.lineNumber, to: row.newContact, status: row.status, error: row.error };
    }),
  );
}
