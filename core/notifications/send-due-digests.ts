import type { CoreDeps } from '../core-deps';
import type { Activity } from '../orders/model/work-order';
import type { DeliveryTarget, DigestItem, NewDelivery, OutboxWrites, SystemNotice } from './delivery';
import { noWrites, targetKey } from './delivery';
import type { GroupName, WorkflowEventType } from './notification-settings';
import { activityDelivery, groupAudience } from './plan-activity-notices';
import { administrationAudience, avoiding, systemAlertDelivery } from './plan-system-notices';
import { domainSettingsFor } from './read-notification-settings';

/** Batches settled per tick; the rest wait for the next tick. */
const BATCHES_PER_TICK = 200;

/**
 * Aggregation windows that have closed: "an aggregated notification with details of
 * all such events is sent in a single email" (and a single chat message) per
 * destination. A batch is the events of one group and type that occurred within the
 * window opened by its first; later ones wait for their own. Each batch is settled in
 * one transaction, so with several bot processes only one sends it.
 */
export async function sendDueDigests(deps: CoreDeps): Promise<{ digests: number; events: number }> {
  const now = deps.clock.now();
  let digests = 0;
  let events = 0;
  for (const batch of await deps.outbox.dueDigestBatches(now, BATCHES_PER_TICK)) {
    const items = await deps.outbox.listDigestBatch(batch.batchKey, batch.dueAt);
    if (items.length === 0) continue;
    const writes = await digestWrites(deps, items, now);
    if (
      await deps.outbox.settleDigestBatch(
        items.map((i) => i.id),
        writes,
      )
    ) {
      digests += writes.deliveries.length;
      events += items.length;
    }
  }
  if (digests) await deps.deliveries.deliveriesWritten();
  return { digests, events };
}

async function digestWrites(deps: CoreDeps, items: DigestItem[], now: Date): Promise<OutboxWrites> {
  const first = items[0]!;
  const writes = noWrites();
  if (first.subject.kind === 'system') {
    const notices = items.flatMap((i) => (i.subject.kind === 'system' ? [i.subject.notice] : []));
    // A batch holds one failed channel at most (systemBatchKey): its digest avoids it.
    const targets = avoiding(await administrationAudience(deps, commonDomain(notices)), first.subject.notice.failedVia);
    writes.deliveries.push(...targets.map((t) => ({ ...systemAlertDelivery(notices, t, now), key: `digest:${first.id}:${targetKey(t)}` })));
    return writes;
  }
  const { domain, group, eventType } = first.subject;
  const settings = await domainSettingsFor(deps, domain);
  // Each destination gets one message with the events it would have had one by one.
  const perTarget = new Map<string, { target: DeliveryTarget; activities: Activity[] }>();
  for (const item of items) {
    if (item.subject.kind !== 'activity') continue;
    const activity = await deps.workOrders.findActivity(item.subject.activityId);
    if (!activity) continue;
    for (const target of await groupAudience(deps, activity, group, settings.groups[group])) {
      const entry = perTarget.get(targetKey(target)) ?? { target, activities: [] };
      entry.activities.push(activity);
      perTarget.set(targetKey(target), entry);
    }
  }
  for (const { target, activities } of perTarget.values())
    writes.deliveries.push(digestDelivery(first.id, target, activities, { domain, group, eventType }, now));
  return writes;
}

/** A digest of one event is the event itself, with its buttons and a copy updated in place. */
function digestDelivery(
  batchId: string,
  target: DeliveryTarget,
  activities: Activity[],
  about: { domain: string; group: GroupName; eventType: WorkflowEventType },
  now: Date,
): NewDelivery {
  if (activities.length === 1) return activityDelivery(activities[0]!, target, now, null);
  return {
    key: `digest:${batchId}:${targetKey(target)}`,
    target,
    content: { kind: 'digest', ...about, activityIds: activities.map((a) => a.id) },
    dueAt: now,
  };
}

const commonDomain = (notices: SystemNotice[]): string | null => {
  const domains = new Set(notices.map((n) => n.domain));
  return domains.size === 1 ? [...domains][0]! : null;
};
