import type { ItemOutcome } from '../../ports/provisioning-backend.port';
import type { WorkflowChange } from '../../ports/work-order-repository.port';
import type { SubscriberProduct } from '../../subscribers/subscriber';
import { handOverSharedPhone } from '../use-case-parts/shared-phone-handover';
import type { WorkOrder } from './work-order';

/**
 * What an order does to the subscriber record, pure. "In the Products column, an
 * information icon (i) appears next to the product that you have changed. It
 * indicates that the product has an order running against it. When the order has
 * been processed, the information icon disappears" (Replacing Existing Phones).
 */
export type ProductChanges = NonNullable<WorkflowChange['products']>;

export const markOpen = (products: readonly SubscriberProduct[], orderNumber: string | null): SubscriberProduct[] =>
  products.map((p) => ({ ...p, openOrderNumber: orderNumber }));

/** The order's items with the product ids the backend gave new products. */
export function withProductIds(order: WorkOrder, outcomes: readonly ItemOutcome[]): WorkOrder {
  if (order.kind !== 'Add') return order;
  const items = order.items.map((item) => {
    const done = outcomes.find((o) => o.ok && o.itemNumber === item.itemNumber);
    return done?.ok ? { ...item, productId: done.productId } : item;
  });
  return { ...order, items };
}

/**
 * The record after an execution run: what succeeded is put in (Add), updated (Change)
 * or removed (Cancel; a shared phone moves to the next subscriber instead). While the order still runs (Released with an error) its products
 * keep the mark; once it has ended, every product it touched loses it.
 * `known` holds the current products the order names (items and parents).
 */
export function productsAfterRun(
  order: WorkOrder,
  outcomes: readonly ItemOutcome[],
  known: ReadonlyMap<string, SubscriberProduct>,
): ProductChanges {
  const mark = order.state === 'Released' ? order.number : null;
  const succeeded = new Set(outcomes.filter((o) => o.ok).map((o) => o.itemNumber));
  const put = new Map<string, SubscriberProduct>();
  const remove: string[] = [];
  const productIdOf = (itemNumber: number | null) => order.items.find((i) => i.itemNumber === itemNumber)?.productId ?? null;

  for (const item of order.items) {
    const current = item.productId ? known.get(item.productId) : undefined;
    const ran = succeeded.has(item.itemNumber);
    if (order.kind === 'Add' && item.productId && (ran || current)) {
      const parentId = item.parentProductId ?? productIdOf(item.parentItemNumber);
      put.set(item.productId, {
        ...(current ?? { notes: [], shared: false }),
        id: item.productId,
        subscriberLogin: order.subscriberLogin,
        domain: order.domain,
        type: item.type,
        attributes: item.attributes,
        parentId,
        openOrderNumber: mark,
      });
      const phone = parentId ? known.get(parentId) : undefined;
      // "Line on a Shared Phone ... The Shared icon appears next to the phone that is shared in the subscriber record."
      if (ran && item.type === 'Line on a Shared Phone' && phone) put.set(phone.id, { ...phone, shared: true });
    } else if (order.kind === 'Cancel' && ran && item.productId) {
      const handedOver = current && item.type === 'Phone' ? handOverSharedPhone(current, known, cancelledIds(order, succeeded)) : null;
      if (handedOver) put.set(handedOver.id, handedOver);
      else remove.push(item.productId);
    } else if (order.kind === 'Change' && current) {
      const changed = ran ? changedProduct(order, current, item.attributes) : current;
      put.set(current.id, { ...changed, openOrderNumber: mark });
    } else if (order.kind === 'Cancel' && current) {
      put.set(current.id, { ...current, openOrderNumber: mark });
    }
  }
  // The existing products an Add order hangs new ones on carry its mark while it runs,
  // so they cannot be cancelled or given away underneath it.
  if (order.kind === 'Add') {
    for (const id of parentProductIds(order)) {
      const parent = put.get(id) ?? known.get(id);
      if (parent) put.set(id, { ...parent, openOrderNumber: mark });
    }
  }
  return { put: [...put.values()], remove };
}

const cancelledIds = (order: WorkOrder, succeeded: ReadonlySet<number>): Set<string> =>
  new Set(order.items.filter((i) => succeeded.has(i.itemNumber) && i.productId).map((i) => i.productId!));

const parentProductIds = (order: WorkOrder): string[] => [
  ...new Set(order.items.map((i) => i.parentProductId).filter((id): id is string => !!id)),
];

function changedProduct(order: WorkOrder, product: SubscriberProduct, attributes: Record<string, string>): SubscriberProduct {
  const next = { ...product, attributes: { ...product.attributes, ...attributes } };
  // "Changing Owners of Phones": the phone and its associated products move to the new owner.
  if (order.changeKind === 'Change Owner' && order.newOwnerLogin) next.subscriberLogin = order.newOwnerLogin;
  return next;
}

/** An order that ended without running (rejected) or stopped (aborted): its products lose the mark. */
export function releaseProducts(known: ReadonlyMap<string, SubscriberProduct>, order: WorkOrder): ProductChanges {
  const ids = [...order.items.map((i) => i.productId).filter((id): id is string => !!id), ...parentProductIds(order)];
  return {
    put: markOpen(
      ids.map((id) => known.get(id)).filter((p): p is SubscriberProduct => !!p),
      null,
    ),
    remove: [],
  };
}
