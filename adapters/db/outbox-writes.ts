import type { OutboxWrites, StepNotices } from '../../core/index';
import { toDeliveryCreate, toDigestCreate, toEscalationCreate } from './outbox.mapper';
import type { DbTransaction } from './prisma-client';

/**
 * Writes outbox rows inside the caller's transaction. Keys written here are new by
 * construction (they name the step's own versions, a batch's first item, an
 * escalation being fired), so a duplicate is a bug and fails the transaction.
 */
export async function writeOutbox(tx: DbTransaction, writes: OutboxWrites, now: Date): Promise<void> {
  if (writes.deliveries.length) await tx.delivery.createMany({ data: writes.deliveries.map((d) => toDeliveryCreate(d, now)) });
  if (writes.digestItems.length) await tx.digestItem.createMany({ data: writes.digestItems.map(toDigestCreate) });
  if (writes.escalations.length) await tx.escalation.createMany({ data: writes.escalations.map(toEscalationCreate) });
}

/** A workflow step's notices: acting on an activity cancels its escalation first, then the step's own rows. */
export async function writeStepNotices(tx: DbTransaction, notices: StepNotices, now: Date): Promise<void> {
  if (notices.cancelEscalationsFor.length) await tx.escalation.deleteMany({ where: { activityId: { in: notices.cancelEscalationsFor } } });
  await writeOutbox(tx, notices, now);
}
