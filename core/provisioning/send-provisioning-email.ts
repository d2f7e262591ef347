import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { actorAsPerson } from '../directory/actor';
import type { Order, OrderLine } from './provisioning';
import type { TransactionKind, TransactionStatus } from './provisioning-transaction';

export interface EmailAttempt {
  lineNumber: number;
  to: string;
  status: Exclude<TransactionStatus, 'Pending'>;
  /** The mail server's answer when the email could not be sent. */
  error: string | null;
}

/**
 * Sends one line's provisioning email and records it in the order history: Pending
 * before the attempt, Sent or Failed after, so a crash mid-send leaves a visible
 * Pending row rather than nothing.
 */
export async function sendProvisioningEmail(
  deps: CoreDeps,
  input: { order: Order; line: OrderLine; to: string; kind: TransactionKind; actor: Actor; oldContact: string | null },
): Promise<EmailAttempt> {
  const { order, line, to } = input;
  const tx = await deps.transactions.record({
    orderNumber: order.number,
    lineNumber: line.lineNumber,
    kind: input.kind,
    actor: actorAsPerson(input.actor),
    channel: input.actor.channel,
    oldContact: input.oldContact,
    newContact: to,
    createdAt: deps.clock.now(),
  });
  try {
    await deps.email.sendProvisioningEmail({ order, line: { ...line, provisioningContactEmail: to }, to });
    await deps.transactions.complete(tx.id, 'Sent', deps.clock.now());
    return { lineNumber: line.lineNumber, to, status: 'Sent', error: null };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    deps.log.warn({ orderNumber: order.number, lineNumber: line.lineNumber, reason }, 'provisioning email failed');
    await deps.transactions.complete(tx.id, 'Failed', deps.clock.now(), reason);
    return { lineNumber: line.lineNumber, to, status: 'Failed', error: reason };
  }
}
