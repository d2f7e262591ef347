import type { CoreDeps } from '../core-deps';
import type { DirectoryUser } from '../directory/directory';
import type { Subscriber } from '../subscribers/subscriber';
import type { Activity, WorkOrder } from './work-order';

/**
 * Telling people about activities, after the step is committed. A failed channel is
 * logged and the others go on: the step stands whatever a notifier does, and the
 * activity is in everyone's `activities` list all the same.
 */
export async function recipientsOf(deps: CoreDeps, activity: Activity): Promise<DirectoryUser[]> {
  const { assignee } = activity;
  if (assignee.kind === 'group') return deps.users.listByRole(assignee.role, activity.domain);
  const user = await deps.users.findByEmail(assignee.email);
  // Someone the directory does not know can still be reached by email.
  return [user ?? { id: '', email: assignee.email, name: assignee.email, slackUserId: null, teamsUserId: null, roles: [] }];
}

/** Posts the activity, with its buttons, in each chat platform, and emails it (Approval with signed links). */
export async function announceActivity(deps: CoreDeps, activity: Activity, order: WorkOrder, subscriber: Subscriber | null): Promise<void> {
  const recipients = await recipientsOf(deps, activity).catch((err) => {
    deps.log.warn({ activityId: activity.id, reason: String(err) }, 'activity recipients not found');
    return [] as DirectoryUser[];
  });
  if (recipients.length === 0) {
    deps.log.warn({ activityId: activity.id, orderNumber: order.number, kind: activity.kind }, 'nobody to tell about the activity');
    return;
  }
  for (const notifier of deps.chat) {
    try {
      const copies = await notifier.postActivity({ activity, order, subscriber, recipients });
      for (const copy of copies) await deps.workOrders.addPostedMessage(activity.id, copy);
    } catch (err) {
      deps.log.warn({ activityId: activity.id, platform: notifier.platform, reason: String(err) }, 'activity not posted');
    }
  }
  try {
    await deps.email.sendActivity({ activity, order, subscriber, to: recipients });
  } catch (err) {
    deps.log.warn({ activityId: activity.id, reason: String(err) }, 'activity email not sent');
  }
}

/** "First decision wins whichever channel; every other copy is updated in place." */
export async function refreshPostedCopies(deps: CoreDeps, activity: Activity, order: WorkOrder, subscriber: Subscriber | null): Promise<void> {
  const messages = await deps.workOrders.listPostedMessages(activity.id).catch((err) => {
    deps.log.warn({ activityId: activity.id, reason: String(err) }, 'posted copies not listed');
    return [];
  });
  for (const message of messages) {
    const notifier = deps.chat.find((n) => n.platform === message.platform);
    if (!notifier) continue;
    try {
      await notifier.updateActivity({ activity, order, subscriber, message });
    } catch (err) {
      deps.log.warn({ activityId: activity.id, platform: message.platform, reason: String(err) }, 'posted activity not updated');
    }
  }
}

/**
 * "After an order is approved or rejected, an email is sent to the subscriber for whom
 * the order was placed" (Approving Orders): provisioned when it completes, rejected
 * when an approver rejects it.
 */
export async function tellSubscriber(
  deps: CoreDeps,
  order: WorkOrder,
  subscriber: Subscriber | null,
  outcome: 'provisioned' | 'rejected',
  approval: Activity | null = null,
): Promise<void> {
  if (!subscriber) return;
  try {
    await deps.email.sendOrderOutcome({ order, subscriber, outcome, approval });
  } catch (err) {
    deps.log.warn({ orderNumber: order.number, outcome, reason: String(err) }, 'order outcome email not sent');
  }
}
