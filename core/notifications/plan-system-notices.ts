import type { CoreDeps } from '../core-deps';
import { ANY_DOMAIN } from '../directory/directory';
import type { SystemEvent } from '../ports/system-event.port';
import type { DeliveryTarget, NewDelivery, OutboxWrites, SystemNotice } from './delivery';
import { noWrites, shortHash, targetKey } from './delivery';
import { groupTargets, uniqueTargets, userTargets } from './notification-targets';
import type { SystemNotificationSettings } from './notification-settings';
import { minutesLater, systemSettings } from './read-notification-settings';

/**
 * System events go to the Administration notification group: "Notifications are sent
 * to administrators if their email addresses are specified in the system", plus its
 * external addresses and channels; with an aggregation window, "Synchronization
 * failures and order failures are aggregated in separate emails" (Configuring System
 * Notifications).
 */
export async function planSystemNotices(
  deps: CoreDeps,
  notices: SystemNotice[],
  now: Date,
  settings?: SystemNotificationSettings,
): Promise<OutboxWrites> {
  const admin = (settings ?? (await systemSettings(deps))).administration;
  const writes = noWrites();
  for (const notice of notices) {
    if (!admin.events.includes(notice.type)) continue;
    if (admin.aggregationMinutes !== null) {
      writes.digestItems.push({
        batchKey: systemBatchKey(notice),
        subject: { kind: 'system', notice },
        occurredAt: now,
        dueAt: minutesLater(now, admin.aggregationMinutes),
      });
      continue;
    }
    const targets = avoiding(await administrationAudience(deps, notice.domain, settings), notice.failedVia);
    writes.deliveries.push(...targets.map((target) => systemAlertDelivery([notice], target, now)));
  }
  return writes;
}

/** One batch per event type; undeliverable notices also per failed channel, so each digest can avoid it. */
export const systemBatchKey = (notice: Pick<SystemNotice, 'type' | 'failedVia'>) =>
  `system:${notice.type}${notice.failedVia ? `:${notice.failedVia}` : ''}`;

/**
 * The targets not on the channel that failed; all of them when none is left (an
 * administrator reachable only in chat still hears of a dead chat post, in their DM).
 */
export function avoiding(targets: DeliveryTarget[], failedVia: 'email' | 'chat' | undefined): DeliveryTarget[] {
  if (!failedVia) return targets;
  const others = targets.filter((t) => t.channel !== failedVia);
  return others.length ? others : targets;
}

/** Administrators (of the event's domain, and everywhere), and the group's own addresses and channels. */
export async function administrationAudience(
  deps: CoreDeps,
  domain: string | null,
  settings?: SystemNotificationSettings,
): Promise<DeliveryTarget[]> {
  const admin = (settings ?? (await systemSettings(deps))).administration;
  const administrators = await deps.users.listByRole('Administrator', domain ?? ANY_DOMAIN);
  return uniqueTargets([...administrators.flatMap((u) => userTargets(deps, u, null)), ...groupTargets(deps, admin, null)]);
}

export function systemAlertDelivery(events: SystemNotice[], target: DeliveryTarget, now: Date): NewDelivery {
  const type = events[0]!.type;
  return {
    key: `system:${type}:${shortHash(JSON.stringify(events))}:${targetKey(target)}`,
    target,
    content: { kind: 'system-alert', eventType: type, events },
    dueAt: now,
  };
}

/** "Order failures": what the administrators read. */
export function orderFailureNotice(event: SystemEvent): SystemNotice {
  const { productType, kind, message } = event.detail;
  return {
    type: 'order-failure',
    occurredAt: event.occurredAt.toISOString(),
    domain: event.domain,
    orderNumber: event.orderNumber,
    summary: `Order ${event.orderNumber} failed provisioning ${productType} (${kind} error): ${message}`,
  };
}
