import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { sameEmail } from '../directory/actor';
import { CoreError } from '../errors';
import { activityViewOf } from './model/activity-view';
import { mayRead } from './permissions/authorize-work';
import type { ActivityView } from './use-case-types';

/**
 * One activity, for a card's refresh or a link's confirmation page: anyone with a role
 * in the order's domain, or the person it is assigned to, may look; `allowed` says
 * whether they may act.
 */
export async function getActivityView(deps: CoreDeps, input: { actor: Actor; activityId: string }): Promise<ActivityView> {
  const activity = await deps.workOrders.findActivity(input.activityId);
  if (!activity) throw new CoreError('ACTIVITY_NOT_FOUND', { activityId: input.activityId });
  const assignee = activity.assignee.kind === 'user' && sameEmail(activity.assignee.email, input.actor.email);
  if (!assignee && !mayRead(input.actor, activity.domain)) {
    throw new CoreError('NOT_AUTHORIZED', { action: `see this ${activity.kind}`, reason: `you hold no role in ${activity.domain}` });
  }
  return activityViewOf(deps, input.actor, activity.id, activity.orderNumber);
}
