import type { CoreDeps } from '../../core-deps';
import type { DeliveryTarget, NewDelivery, OutboxWrites } from '../../notifications/delivery';
import { mergeWrites, noWrites, shortHash } from '../../notifications/delivery';
import { planOpenedActivity } from '../../notifications/plan-activity-notices';
import { domainSettingsFor } from '../../notifications/read-notification-settings';
import { orderFailureNotice, planSystemNotices } from '../../notifications/plan-system-notices';
import type { StepNotices } from '../../ports/work-order-repository.port';
import type { SystemEvent } from '../../ports/system-event.port';
import type { Subscriber } from '../../subscribers/subscriber';
import type { Activity } from '../model/work-order';
import type { Step, Workflow } from '../model/work-order-machine';

/**
 * The notices a workflow step causes, written in the step's own transaction (the
 * outbox): posted copies of changed activities shown again ("every other copy is
 * updated in place"), opened activities announced to their groups, the subscriber's
 * email when the order ends, order failures to the administrators. Acting on an
 * activity cancels its pending escalation ("if no action was taken").
 */
export async function planStepNotices(
  deps: CoreDeps,
  before: Workflow,
  step: Step,
  o: { events: SystemEvent[]; subscriber: Subscriber | null; refreshAll?: boolean },
): Promise<StepNotices> {
  const now = deps.clock.now();
  const existed = (a: Activity) => before.activities.some((b) => b.id === a.id);
  const refreshed = o.refreshAll ? step.activities : step.changed.filter(existed);
  const updates = (await Promise.all(refreshed.map((a) => copyUpdates(deps, a, step, now)))).flat();
  // Every activity a step opens is in the order's domain: its settings are read once.
  const settings = step.opened.length ? await domainSettingsFor(deps, step.order.domain) : null;
  const opened = await Promise.all(step.opened.map((a) => planOpenedActivity(deps, a, now, settings ?? undefined)));
  const failures = o.events.length ? await planSystemNotices(deps, o.events.map(orderFailureNotice), now) : noWrites();
  const outcome = outcomeDelivery(before, step, o.subscriber, now);
  const writes: OutboxWrites = mergeWrites({ ...noWrites(), deliveries: [...updates, ...(outcome ? [outcome] : [])] }, ...opened, failures);
  return { ...writes, cancelEscalationsFor: step.changed.filter(existed).map((a) => a.id) };
}

async function copyUpdates(deps: CoreDeps, activity: Activity, step: Step, now: Date): Promise<NewDelivery[]> {
  const messages = await deps.workOrders.listPostedMessages(activity.id);
  return messages.map((message) => {
    const target: DeliveryTarget = {
      channel: 'chat',
      platform: message.platform,
      to: { kind: 'conversation', address: message.address, label: 'posted copy' },
    };
    return {
      key: `update:${activity.id}:o${step.order.version}:a${activity.version}:${shortHash(message.address)}`,
      target,
      content: { kind: 'activity-update', activityId: activity.id, message },
      dueAt: now,
    };
  });
}

/**
 * "After an order is approved or rejected, an email is sent to the subscriber for whom
 * the order was placed" (Approving Orders): provisioned when it completes, rejected
 * when an approver rejects it.
 */
function outcomeDelivery(before: Workflow, step: Step, subscriber: Subscriber | null, now: Date): NewDelivery | null {
  if (!subscriber || step.order.state === before.order.state) return null;
  const outcome = step.order.state === 'Completed' ? 'provisioned' : step.order.state === 'Cancelled' ? 'rejected' : null;
  if (!outcome) return null;
  const approval = outcome === 'rejected' ? (step.changed.find((a) => a.kind === 'Approval' && a.status === 'Rejected') ?? null) : null;
  return {
    key: `outcome:${step.order.number}:${outcome}`,
    target: { channel: 'email', address: subscriber.email, asUser: false, domain: step.order.domain },
    content: { kind: 'order-outcome', orderNumber: step.order.number, outcome, approvalId: approval?.id ?? null },
    dueAt: now,
  };
}
