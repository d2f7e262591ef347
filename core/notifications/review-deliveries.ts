import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import type { OutboxSummary } from '../ports/outbox-repository.port';
import { assertMayManage } from './authorize-notification-settings';

/**
 * For administrators: what waits in the outbox and what was dead-lettered ("after the
 * last attempt ... alerts the administrators"). The outbox reaches every domain, so
 * both need the Administrator role everywhere.
 */
export async function getDeliverySummary(deps: CoreDeps, input: { actor: Actor }): Promise<OutboxSummary> {
  assertMayManage(input.actor, { kind: 'system' }, 'see the notification outbox');
  return deps.outbox.summary(deps.clock.now());
}

/** Once the cause is fixed (a mail server's settings, a channel the bot was removed from): every dead delivery tried again, from its first attempt. */
export async function retryDeadDeliveries(deps: CoreDeps, input: { actor: Actor }): Promise<{ requeued: number }> {
  assertMayManage(input.actor, { kind: 'system' }, 'retry undelivered notices');
  const requeued = await deps.outbox.requeueDead(deps.clock.now());
  if (requeued) await deps.deliveries.deliveriesWritten();
  return { requeued };
}
