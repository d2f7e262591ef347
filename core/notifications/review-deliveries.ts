import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { CoreError } from '../errors';
import { problem } from '../validation-problems';
import type { OutboxSummary } from '../ports/outbox-repository.port';
import { assertMayManage } from './authorize-notification-settings';
import type { DeliveryContent, DeliveryTarget } from './delivery';

/** A dead-lettered delivery, as an administrator needs it to decide whether to send it again. */
export interface DeadDelivery {
  id: string;
  target: DeliveryTarget;
  content: DeliveryContent;
  attempts: number;
  lastError: string | null;
  /** When its last attempt was due: it was tried then, and given up on. */
  lastTriedAt: Date;
  createdAt: Date;
}

export interface OutboxReview extends OutboxSummary {
  /** The last tried first, at most the limit asked for. */
  deadDeliveries: DeadDelivery[];
  /** Dead deliveries past the limit, not listed. */
  deadNotListed: number;
}

export const DEAD_LIST_DEFAULT = 20;
export const DEAD_LIST_MAX = 100;

/**
 * For administrators: what waits in the outbox and what was dead-lettered ("after the
 * last attempt ... alerts the administrators"), each dead one listed so it can be sent
 * again on its own. The outbox reaches every domain, so all of this needs the
 * Administrator role everywhere.
 */
export async function getDeliverySummary(deps: CoreDeps, input: { actor: Actor; limit?: number }): Promise<OutboxReview> {
  assertMayManage(input.actor, { kind: 'system' }, 'see the notification outbox');
  const limit = input.limit ?? DEAD_LIST_DEFAULT;
  if (!Number.isInteger(limit) || limit < 0 || limit > DEAD_LIST_MAX)
    throw new CoreError('VALIDATION_FAILED', { fields: [problem('limit', `Give a whole number from 0 to ${DEAD_LIST_MAX}`)] });
  const [summary, dead] = await Promise.all([deps.outbox.summary(deps.clock.now()), deps.outbox.listDead(limit)]);
  const deadDeliveries = dead.deliveries.map((d) => ({
    id: d.id,
    target: d.target,
    content: d.content,
    attempts: d.attempts,
    lastError: d.lastError,
    lastTriedAt: d.dueAt,
    createdAt: d.createdAt,
  }));
  return { ...summary, deadDeliveries, deadNotListed: Math.max(0, dead.total - deadDeliveries.length) };
}

/** Once the cause is fixed (a mail server's settings, a channel the bot was removed from): every dead delivery tried again, from its first attempt. */
export async function retryDeadDeliveries(deps: CoreDeps, input: { actor: Actor }): Promise<{ requeued: number }> {
  assertMayManage(input.actor, { kind: 'system' }, 'retry undelivered notices');
  const requeued = await deps.outbox.requeueDead(deps.clock.now());
  if (requeued) await deps.deliveries.deliveriesWritten();
  return { requeued };
}

/** Ids as the outbox writes them (UUIDs); anything else names no delivery. */
const DELIVERY_ID = /^[A-Za-z0-9-]{1,64}$/;

/** One dead delivery tried again from its first attempt; an unknown id, or one not dead, changes nothing. */
export async function retryDeadDelivery(deps: CoreDeps, input: { actor: Actor; id: string }): Promise<{ requeued: number }> {
  assertMayManage(input.actor, { kind: 'system' }, 'retry undelivered notices');
  const id = input.id.trim();
  if (!DELIVERY_ID.test(id)) throw new CoreError('DELIVERY_NOT_FOUND', { deliveryId: id.slice(0, 64) });
  const requeued = await deps.outbox.requeueDead(deps.clock.now(), id);
  if (requeued) {
    await deps.deliveries.deliveriesWritten();
    return { requeued };
  }
  const found = await deps.outbox.findDelivery(id);
  if (!found) throw new CoreError('DELIVERY_NOT_FOUND', { deliveryId: id });
  throw new CoreError('INVALID_STATE', {
    reason: found.state === 'sent' ? 'that notice was delivered already' : 'that notice is still waiting to go out, not given up on',
  });
}
