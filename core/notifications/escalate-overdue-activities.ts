import type { CoreDeps } from '../core-deps';
import { isLive } from '../orders/model/workflow-steps';
import type { DeliveryTarget } from './delivery';
import { noWrites } from './delivery';
import { activityDelivery } from './plan-activity-notices';
import { groupTargets, uniqueTargets, userTargets } from './notification-targets';
import { systemSettings } from './read-notification-settings';

const PER_TICK = 500;

/**
 * "Any other value triggers the system to send out an email to the system
 * administrators after the time specified if no action was taken for the triggering
 * event": in chat and by email, with the activity's buttons. Only escalations due now
 * are read (an index on the due time), so a sweep costs what is due, not what is
 * pending. A decision deletes the escalation in its own transaction; firing deletes it
 * in the notices' transaction: whichever comes first, the other finds nothing.
 */
export async function escalateOverdueActivities(deps: CoreDeps): Promise<{ escalated: number }> {
  const now = deps.clock.now();
  let escalated = 0;
  const admin = (await systemSettings(deps)).administration;
  // One directory read per domain per sweep: every escalation in a domain goes to the same administrators.
  const audiences = new Map<string, Promise<DeliveryTarget[]>>();
  const audience = (domain: string) => {
    let found = audiences.get(domain);
    if (!found) {
      found = (async () => {
        // The domain's Administrators, and those of every domain ('*' grants hold everywhere).
        const administrators = await deps.users.listByRole('Administrator', domain);
        return uniqueTargets([...administrators.flatMap((u) => userTargets(deps, u, domain)), ...groupTargets(deps, admin, domain)]);
      })();
      audiences.set(domain, found);
    }
    return found;
  };
  for (const due of await deps.outbox.dueEscalations(now, PER_TICK)) {
    const activity = await deps.workOrders.findActivity(due.activityId);
    if (!activity || !isLive(activity)) {
      await deps.outbox.fireEscalation(due.id, noWrites());
      continue;
    }
    const targets = await audience(activity.domain);
    const writes = { ...noWrites(), deliveries: targets.map((t) => activityDelivery(activity, t, now, due.windowMinutes)) };
    if (await deps.outbox.fireEscalation(due.id, writes)) escalated += 1;
  }
  if (escalated) await deps.deliveries.deliveriesWritten();
  return { escalated };
}
