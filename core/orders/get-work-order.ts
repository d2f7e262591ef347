import type { CoreDeps } from '../core-deps';
import { sameEmail } from '../directory/actor';
import { CoreError } from '../errors';
import { mayRead } from './permissions/authorize-work';
import { assigneeNames } from './use-case-parts/assignee-names';
import { readWorkflow } from './use-case-parts/read-workflow';
import type { WorkOrderActionInput, WorkOrderDetails } from './use-case-types';

/** `status WO-000123`: the order, its activities and subscriber, for its author or anyone with a role in its domain. */
export async function getWorkOrder(deps: CoreDeps, input: WorkOrderActionInput): Promise<WorkOrderDetails> {
  const { order, activities } = await readWorkflow(deps, input.orderNumber);
  if (!sameEmail(order.author.email, input.actor.email) && !mayRead(input.actor, order.domain)) {
    throw new CoreError('NOT_AUTHORIZED', { action: `see order ${order.number}`, reason: `you hold no role in ${order.domain}` });
  }
  return {
    order,
    activities,
    subscriber: await deps.subscribers.findByLogin(order.subscriberLogin),
    assigneeNames: await assigneeNames(deps, activities),
  };
}
