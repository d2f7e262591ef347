import type { CoreDeps } from '../core-deps';
import type { Activity } from '../orders/model/work-order';
import type { DeliveryTarget, NewDelivery, OutboxWrites } from './delivery';
import { noWrites, targetKey } from './delivery';
import type { DomainNotificationSettings, GroupName, NotificationGroup } from './notification-settings';
import { GROUP_NAMES, GROUP_OF_EVENT } from './notification-settings';
import { assigneesOf, groupTargets, uniqueTargets, userTargets } from './notification-targets';
import { domainSettingsFor, minutesLater } from './read-notification-settings';

/**
 * Who hears of an activity that just opened, and when. Its assignees always ("These
 * users are always notified"); every group that selected the event adds its external
 * addresses and channels (and, for another group, the people holding its role). A
 * group with an aggregation window gets the event in a digest when the window closes
 * ("Any other value makes the system wait after an event to occur"); the activity's
 * own group's escalation window schedules an escalation ("the window in force when
 * the event occurred is the one that applies").
 */
export async function planOpenedActivity(
  deps: CoreDeps,
  activity: Activity,
  now: Date,
  known?: DomainNotificationSettings,
): Promise<OutboxWrites> {
  const settings = known ?? (await domainSettingsFor(deps, activity.domain));
  const writes = noWrites();
  const atOnce: DeliveryTarget[] = [];
  for (const name of GROUP_NAMES) {
    const group = settings.groups[name];
    const own = GROUP_OF_EVENT[activity.kind] === name;
    if (!own && !group.events.includes(activity.kind)) continue;
    if (isAggregated(group, activity)) {
      writes.digestItems.push({
        batchKey: digestBatchKey(activity.domain, name, activity.kind),
        subject: { kind: 'activity', activityId: activity.id, domain: activity.domain, group: name, eventType: activity.kind },
        occurredAt: now,
        dueAt: minutesLater(now, group.aggregationMinutes!),
      });
    } else {
      atOnce.push(...(await groupAudience(deps, activity, name, group)));
    }
  }
  writes.deliveries.push(...uniqueTargets(atOnce).map((target) => activityDelivery(activity, target, now, null)));
  const escalation = settings.groups[GROUP_OF_EVENT[activity.kind]].escalationMinutes;
  if (escalation !== null)
    writes.escalations.push({
      activityId: activity.id,
      domain: activity.domain,
      windowMinutes: escalation,
      dueAt: minutesLater(now, escalation),
    });
  return writes;
}

const isAggregated = (group: NotificationGroup, activity: Activity) =>
  group.aggregationMinutes !== null && group.events.includes(activity.kind);

/** "Approval notifications and assignment notifications are aggregated in separate emails": one batch per group and event type. */
export const digestBatchKey = (domain: string, group: GroupName, eventType: string) => `domain:${domain}:${group}:${eventType}`;

/** The destinations a group's notice of the activity goes to, as the settings now stand. */
export async function groupAudience(
  deps: CoreDeps,
  activity: Activity,
  name: GroupName,
  group: NotificationGroup,
): Promise<DeliveryTarget[]> {
  const own = GROUP_OF_EVENT[activity.kind] === name;
  const people = own ? await assigneesOf(deps, activity) : await deps.users.listByRole(name, activity.domain);
  const selected = group.events.includes(activity.kind);
  return uniqueTargets([
    ...people.flatMap((u) => userTargets(deps, u, activity.domain)),
    ...(selected ? groupTargets(deps, group, activity.domain) : []),
  ]);
}

/** Keyed by the activity's version too: a delegated activity is announced again, to whoever now has it. */
export function activityDelivery(
  activity: Pick<Activity, 'id' | 'version'>,
  target: DeliveryTarget,
  now: Date,
  escalatedAfterMinutes: number | null,
): NewDelivery {
  const prefix = escalatedAfterMinutes === null ? 'activity' : 'escalation';
  return {
    key: `${prefix}:${activity.id}:v${activity.version}:${targetKey(target)}`,
    target,
    content: { kind: 'activity', activityId: activity.id, escalatedAfterMinutes },
    dueAt: now,
  };
}
