import type { CoreDeps } from '../../core-deps';
import type { Actor } from '../../directory/actor';
import { allowedActions } from '../permissions/authorize-work';
import { assigneeNameOf } from '../use-case-parts/assignee-names';
import { readWorkflow, rulesFor } from '../use-case-parts/read-workflow';
import type { ActivityView } from '../use-case-types';
import type { Activity } from './work-order';

/** An activity as this actor sees it now: its order, its subscriber, and the actions open to them. */
export async function activityViewOf(deps: CoreDeps, actor: Actor, activityId: string, orderNumber: string): Promise<ActivityView> {
  const wf = await readWorkflow(deps, orderNumber);
  const activity = wf.activities.find((a) => a.id === activityId) as Activity;
  const rules = await rulesFor(deps, wf.order.domain);
  return {
    activity,
    order: wf.order,
    subscriber: await deps.subscribers.findByLogin(wf.order.subscriberLogin),
    allowed: allowedActions(wf, activity, actor, rules, deps.clock.now()),
    assigneeName: await assigneeNameOf(deps, activity),
  };
}
