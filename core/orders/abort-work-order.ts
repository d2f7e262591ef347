import type { CoreDeps } from '../core-deps';
import { CoreError } from '../errors';
import { assertHolds, ORDERING } from './permissions/authorize-work';
import { releaseProducts } from './model/order-products';
import { assigneeNames } from './use-case-parts/assignee-names';
import { readWorkflow } from './use-case-parts/read-workflow';
import { commitStep, followUp, knownProducts } from './use-case-parts/settle-step';
import type { WorkOrderActionInput, WorkOrderDetails } from './use-case-types';
import { abortWorkflow } from './model/work-order-execution';

/**
 * `abort WO-000123`: "If the order encounters a problem and the user chooses to abort
 * the remainder of the order in the error handling workflow step, then the order
 * status is set to Hold" (Approving Orders). Its products lose the open-order mark.
 */
export async function abortWorkOrder(deps: CoreDeps, input: WorkOrderActionInput): Promise<WorkOrderDetails> {
  const before = await readWorkflow(deps, input.orderNumber);
  assertHolds(input.actor, ORDERING, before.order.domain, `abort order ${before.order.number}`);
  const step = abortWorkflow(before, deps.clock.now());
  const products = releaseProducts(await knownProducts(deps, step.order), step.order);
  if (!(await commitStep(deps, before, step, { products }))) {
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
