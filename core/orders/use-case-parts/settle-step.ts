import type { CoreDeps } from '../../core-deps';
import type { ItemOutcome } from '../../ports/provisioning-backend.port';
import type { SystemEvent } from '../../ports/system-event.port';
import type { WorkflowChange } from '../../ports/work-order-repository.port';
import type { Subscriber, SubscriberProduct } from '../../subscribers/subscriber';
import { isEmpty } from '../../notifications/delivery';
import type { StepNotices } from '../../ports/work-order-repository.port';
import { planStepNotices } from './plan-step-notices';
import type { ProductChanges } from '../model/order-products';
import { productsAfterRun, withProductIds } from '../model/order-products';
import { readWorkflow } from './read-workflow';
import type { WorkOrder } from '../model/work-order';
import type { ExecutionResult } from '../model/work-order-execution';
import { applyExecution, pendingItems, summarizeOutcomes } from '../model/work-order-execution';
import type { Step, Workflow } from '../model/work-order-machine';

/**
 * Writing a step of the machine and what follows it: one commit, all or nothing, with
 * the versions the step was computed from ("the first decision wins") and the notices
 * it causes (the outbox, sent by the dispatcher); then execution when the step reached it.
 */
export const newActivityId = (): string => `act-${globalThis.crypto.randomUUID()}`;

type StepExtra = { products?: ProductChanges; events?: SystemEvent[]; notices?: StepNotices };

export function toChange(before: Workflow, step: Step, extra: StepExtra = {}): WorkflowChange {
  const versionOf = (id: string) => before.activities.find((a) => a.id === id)?.version ?? null;
  return {
    // An order not yet stored has version 0: its first step inserts it.
    order: { expectedVersion: before.order.version === 0 ? null : before.order.version, next: step.order },
    activities: step.changed.map((a) => ({ expectedVersion: versionOf(a.id), next: a })),
    ...(extra.products ? { products: extra.products } : {}),
    ...(extra.events?.length ? { events: extra.events } : {}),
    ...(extra.notices ? { notices: extra.notices } : {}),
  };
}

/** Commits the step with its notices; the dispatcher is told at once when there are any. */
export async function commitStep(
  deps: CoreDeps,
  before: Workflow,
  step: Step,
  extra: Omit<StepExtra, 'notices'> & { refreshAll?: boolean } = {},
): Promise<boolean> {
  // Only an order that ends this step emails its subscriber: no lookup otherwise.
  const ends = step.order.state !== before.order.state && (step.order.state === 'Completed' || step.order.state === 'Cancelled');
  const subscriber = ends ? await findSubscriber(deps, step.order.subscriberLogin) : null;
  const notices = await planStepNotices(deps, before, step, {
    events: extra.events ?? [],
    subscriber,
    refreshAll: extra.refreshAll ?? false,
  });
  const committed = await deps.workOrders.commit(toChange(before, step, { ...extra, notices }));
  if (committed && !isEmpty(notices)) await deps.deliveries.deliveriesWritten();
  return committed;
}

/** The current products an order names: its items' and their parents', and what hangs on a phone it cancels. */
export async function knownProducts(deps: CoreDeps, order: WorkOrder): Promise<Map<string, SubscriberProduct>> {
  const ids = new Set(order.items.flatMap((i) => [i.productId, i.parentProductId]).filter((id): id is string => !!id));
  const found = await Promise.all([...ids].map((id) => deps.subscribers.findProduct(id)));
  // A cancelled phone may carry other subscribers' lines, which it then moves to (handOverSharedPhone).
  const phones = order.kind === 'Cancel' ? order.items.filter((i) => i.type === 'Phone' && i.productId) : [];
  const attached = await Promise.all(phones.map((i) => deps.subscribers.listAttachedTo(i.productId!)));
  return new Map([...found, ...attached.flat()].filter((p): p is SubscriberProduct => !!p).map((p) => [p.id, p]));
}

async function findSubscriber(deps: CoreDeps, login: string): Promise<Subscriber | null> {
  return deps.subscribers.findByLogin(login).catch(() => null);
}

/** After a committed step: execution, when the step reached it. */
export async function followUp(deps: CoreDeps, step: Step): Promise<Workflow> {
  const settled = { order: step.order, activities: step.activities };
  return step.execute ? executeOrder(deps, settled) : settled;
}

/**
 * "Provisioning contains an automation engine which performs the order processing":
 * the backend runs the pending items, and the result is committed in one change with
 * what it did to the subscriber record and, on failure, an order-failure event.
 */
async function executeOrder(deps: CoreDeps, wf: Workflow): Promise<Workflow> {
  const items = pendingItems(wf.order);
  let outcomes: ItemOutcome[] = [];
  let result: ExecutionResult;
  try {
    outcomes = await deps.backend.execute(wf.order, items);
    result = summarizeOutcomes(items, outcomes);
  } catch (err) {
    deps.log.error({ orderNumber: wf.order.number, reason: String(err) }, 'provisioning backend failed');
    const type = items[0]?.type ?? wf.order.items[0]!.type;
    result = { ok: false, failure: { productType: type, kind: 'recoverable', message: 'the provisioning backend did not answer' } };
  }
  const step = applyExecution({ ...wf, order: withProductIds(wf.order, outcomes) }, result, deps.clock.now());
  let recorded: boolean;
  try {
    const products = productsAfterRun(step.order, outcomes, await knownProducts(deps, step.order));
    // Every posted copy shows the order as it now stands (Completed, Hold, an error), not "Being Provisioned".
    recorded = await commitStep(deps, wf, step, { products, events: step.events, refreshAll: true });
  } catch (err) {
    // The step that started execution is committed and stands (an approval is not
    // undone); the order stays Being Provisioned, and can be retried once stuck.
    deps.log.error({ orderNumber: wf.order.number, reason: String(err) }, 'execution result not recorded: the database failed');
    return wf;
  }
  if (!recorded) {
    // Someone changed the order while it ran; what they wrote stands.
    deps.log.warn({ orderNumber: wf.order.number }, 'execution result not recorded: the order changed meanwhile');
    return readWorkflow(deps, wf.order.number);
  }
  return { order: step.order, activities: step.activities };
}
