import type { CoreDeps } from '../core-deps';
import { CoreError } from '../errors';
import { assertHolds, ORDERING } from './permissions/authorize-work';
import { assigneeNames } from './use-case-parts/assignee-names';
import { readWorkflow } from './use-case-parts/read-workflow';
import { commitStep, followUp } from './use-case-parts/settle-step';
import type { WorkOrderActionInput, WorkOrderDetails } from './use-case-types';
import { retryWorkflow } from './model/work-order-execution';

/**
 * `retry WO-000123`: a chat order that failed "remains in the Released state, waiting
 * for you to take action on the order" (Work Order States); retry runs it again.
 */
export async function retryWorkOrder(deps: CoreDeps, input: WorkOrderActionInput): Promise<WorkOrderDetails> {
  const before = await readWorkflow(deps, input.orderNumber);
  assertHolds(input.actor, ORDERING, before.order.domain, `retry order ${before.order.number}`);
  const step = retryWorkflow(before, deps.clock.now());
  if (!(await commitStep(deps, before, step))) {
    const now = await readWorkflow(deps, before.order.number);
    throw new CoreError('STALE', { orderNumber: now.order.number, currentVersion: now.order.version });
  }
  const settled = await followUp(deps, step);
  return {
    ...settled,
    subscriber: await deps.subscribers.findByLogin(settled.order.subscriberLogin),
    assigneeNames: await assigneeNames(deps, settled.activities),
  };
}
