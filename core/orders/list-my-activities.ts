import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { activityViewOf } from './model/activity-view';
import type { ActivityView } from './use-case-types';

const MY_ACTIVITIES_LIMIT = 50;

/**
 * "Choose Deploy > Order Management > My Activities": the open activities assigned to
 * the actor or to a group whose role they hold, oldest first. Someone the directory
 * does not know has none.
 */
export async function listMyActivities(deps: CoreDeps, input: { actor: Actor }): Promise<ActivityView[]> {
  const user = input.actor.user;
  if (!user) return [];
  const activities = await deps.workOrders.listActivitiesFor(user, MY_ACTIVITIES_LIMIT);
  const views: ActivityView[] = [];
  for (const a of activities) views.push(await activityViewOf(deps, input.actor, a.id, a.orderNumber));
  return views;
}
