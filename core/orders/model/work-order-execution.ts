import type { ItemOutcome } from '../../ports/provisioning-backend.port';
import type { SystemEvent } from '../../ports/system-event.port';
import type { OrderItem, WorkOrder } from './work-order';
import type { Step, Workflow } from './work-order-machine';
import { bump, invalid } from './work-order-machine';
import { describeOrderState, isError } from './workflow-steps';

/**
 * The end of the workflow, pure like work-order-machine.ts. "After completion of the
 * work flow, the order transitions to the Complete state if all steps were successful,
 * or to the Hold state if any of the steps failed ... depending on the origin of the
 * work order" (Work Order States).
 */
export type ExecutionResult = { ok: true } | { ok: false; failure: NonNullable<WorkOrder['failure']> };

export interface ExecutionStep extends Step {
  events: SystemEvent[];
}

export function applyExecution(wf: Workflow, result: ExecutionResult, now: Date): ExecutionStep {
  const { order } = wf;
  if (order.state !== 'Released' || order.extendedStatus !== 'Being Provisioned') {
    throw invalid(`${describeOrderState(order)}; only an order being provisioned takes an execution result`);
  }
  const same = { activities: wf.activities, changed: [], opened: [], execute: false };
  if (result.ok) return { ...same, order: bump(order, now, { state: 'Completed', extendedStatus: null, failure: null }), events: [] };

  const { failure } = result;
  const extendedStatus = failure.kind === 'recoverable' ? 'Recoverable Error' : 'Unrecoverable Error';
  // "Provisioning NBI: Immediate transitions from Released to Hold. Provisioning user
  // interface remains in the Released state, waiting for you to take action on the
  // order. Batch provisioning depends on the extended status ..."
  const hold = order.origin === 'api' || (order.origin === 'batch' && failure.kind === 'unrecoverable');
  const next = bump(order, now, { state: hold ? 'Hold' : 'Released', extendedStatus, failure });
  const event: SystemEvent = {
    type: 'order-failure',
    domain: order.domain,
    orderNumber: order.number,
    occurredAt: now,
    detail: { productType: failure.productType, kind: failure.kind, message: failure.message },
  };
  return { ...same, order: next, events: [event] };
}

/** A Released order with an error runs again ("waiting for you to take action on the order"). */
export function retryWorkflow(wf: Workflow, now: Date): Step {
  assertAwaitingAction(wf.order, 'retried', now);
  const order = bump(wf.order, now, { extendedStatus: 'Being Provisioned', failure: null });
  return { order, activities: wf.activities, changed: [], opened: [], execute: true };
}

/**
 * "If the order encounters a problem and the user chooses to abort the remainder of the
 * order in the error handling workflow step, then the order status is set to Hold."
 */
export function abortWorkflow(wf: Workflow, now: Date): Step {
  assertAwaitingAction(wf.order, 'aborted', now);
  return { order: bump(wf.order, now, { state: 'Hold' }), activities: wf.activities, changed: [], opened: [], execute: false };
}

/**
 * An order whose provisioning result was never recorded (the process died, or the
 * database failed, between running the backend and committing) stays "Being
 * Provisioned"; after this long nobody is still running it, and a user may retry or
 * abort it like a failed one.
 */
export const STUCK_AFTER_MS = 10 * 60_000;

const isStuck = (order: WorkOrder, now: Date): boolean =>
  order.extendedStatus === 'Being Provisioned' && now.getTime() - order.updatedAt.getTime() > STUCK_AFTER_MS;

function assertAwaitingAction(order: WorkOrder, what: string, now: Date): void {
  if (order.state !== 'Released' || !(isError(order.extendedStatus) || isStuck(order, now))) {
    throw invalid(
      `${describeOrderState(order)}; only a Released order with an error, or one Being Provisioned for over ${STUCK_AFTER_MS / 60_000} minutes, can be ${what}`,
    );
  }
}

/**
 * The items still to run. An Add item the backend already provisioned carries its
 * product id; Change and Cancel items run again as a whole (setting the same values
 * or removing a removed product twice leaves the same result).
 */
export function pendingItems(order: WorkOrder): OrderItem[] {
  return order.kind === 'Add' ? order.items.filter((i) => i.productId === null) : order.items;
}

/** The first failure among the outcomes, or ok when every item was carried out. */
export function summarizeOutcomes(items: OrderItem[], outcomes: ItemOutcome[]): ExecutionResult {
  for (const item of items) {
    const outcome = outcomes.find((o) => o.itemNumber === item.itemNumber);
    if (!outcome) {
      return {
        ok: false,
        failure: {
          productType: item.type,
          kind: 'unrecoverable',
          message: `the provisioning backend reported nothing for item ${item.itemNumber}`,
        },
      };
    }
    if (!outcome.ok) return { ok: false, failure: { productType: item.type, kind: outcome.kind, message: outcome.message } };
  }
  return { ok: true };
}
