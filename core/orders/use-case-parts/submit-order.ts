import type { CoreDeps } from '../../core-deps';
import type { Actor } from '../../directory/actor';
import { CoreError } from '../../errors';
import type { SubscriberProduct } from '../../subscribers/subscriber';
import { markOpen } from '../model/order-products';
import { openOrderConflict } from './read-workflow';
import { rulesFor } from './read-workflow';
import { commitStep, followUp, newActivityId } from './settle-step';
import type { PlacedWorkOrder } from '../use-case-types';
import type { WorkOrder } from '../model/work-order';
import { startWorkflow } from '../model/work-order-machine';

export type OrderDraft = Pick<
  WorkOrder,
  'kind' | 'changeKind' | 'orderable' | 'domain' | 'subscriberLogin' | 'newOwnerLogin' | 'origin' | 'items' | 'requestedDeliveryDate'
>;

export const authorOf = (actor: Actor): WorkOrder['author'] => ({ name: actor.name, email: actor.email, channel: actor.channel });

/**
 * "When an order is placed, a work order is created and is in the Initial state" and
 * its workflow starts at once: the order is written Released with its first activity
 * (or straight to execution), and the products it is against are marked as having an
 * order running against them, all in one commit.
 */
export async function submitOrder(
  deps: CoreDeps,
  actor: Actor,
  draft: OrderDraft,
  against: readonly SubscriberProduct[],
): Promise<PlacedWorkOrder> {
  const now = deps.clock.now();
  const order: WorkOrder = {
    ...draft,
    number: await deps.workOrders.nextOrderNumber(),
    author: authorOf(actor),
    state: 'Initial',
    extendedStatus: null,
    failure: null,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  const before = { order, activities: [] };
  const step = startWorkflow(order, await rulesFor(deps, order.domain), now, newActivityId);
  const products = { put: markOpen(against, order.number), remove: [], expectUnmarked: against.map((p) => p.id) };
  if (!(await commitStep(deps, before, step, { products }))) throw await lostRace(deps, order, against);
  const settled = await followUp(deps, step);
  return { order: settled.order, activities: settled.activities };
}

/** Another order got to one of the products first (or, rarely, to the order number). */
async function lostRace(deps: CoreDeps, order: WorkOrder, against: readonly SubscriberProduct[]): Promise<CoreError> {
  const now = await Promise.all(against.map((p) => deps.subscribers.findProduct(p.id)));
  return (
    openOrderConflict(now.filter((p): p is SubscriberProduct => !!p)) ??
    new CoreError('CONFLICT', { reason: `order number ${order.number} is already taken; please place the order again` })
  );
}
