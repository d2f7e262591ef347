import type { NewDelivery, OutboxWrites, StepNotices } from '../../core/index';
import { toDeliveryCreate, toDigestCreate, toEscalationCreate } from './outbox.mapper';
import type { DbTransaction } from './prisma-client';

/**
 * Writes outbox rows inside the caller's transaction. A delivery whose key is already
 * stored is skipped, as the port promises: a digest of one activity is that activity's
 * own notice, which a person in two groups may already have had at once.
 */
export async function writeOutbox(tx: DbTransaction, writes: OutboxWrites, now: Date): Promise<void> {
  if (writes.deliveries.length) {
    const stored = new Set((await tx.delivery.findMany({ where: { key: { in: writes.deliveries.map((d) => d.key) } }, select: { key: true } })).map((r) => r.key));
    const fresh = new Map<string, NewDelivery>();
    for (const d of writes.deliveries) if (!stored.has(d.key) && !fresh.has(d.key)) fresh.set(d.key, d);
    if (fresh.size) await tx.delivery.createMany({ data: [...fresh.values()].map((d) => toDeliveryCreate(d, now)) });
  }
  if (writes.digestItems.length) await tx.digestItem.createMany({ data: writes.digestItems.map(toDigestCreate) });
  if (writes.escalations.length) await tx.escalation.createMany({ data: writes.escalations.map(toEscalationCreate) });
}

/** A workflow step's notices: acting on an activity cancels its escalation first, then the step's own rows. */
export async function writeStepNotices(tx: DbTransaction, notices: StepNotices, now: Date): Promise<void> {
  if (notices.cancelEscalationsFor.length) await tx.escalation.deleteMany({ where: { activityId: { in: notices.cancelEscalationsFor } } });
  await writeOutbox(tx, notices, now);
}
