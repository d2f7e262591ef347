import { cancelSet } from '../catalog/dependencies';
import type { CoreDeps } from '../core-deps';
import { assertHolds, ORDERING } from './permissions/authorize-work';
import { assertNoOpenOrder, readProduct } from './use-case-parts/read-workflow';
import { submitOrder } from './use-case-parts/submit-order';
import type { CancelProductInput, PlacedWorkOrder } from './use-case-types';
import type { OrderItem } from './model/work-order';

/**
 * "To cancel products, you must submit a cancel order. When you cancel a product, all
 * products associated with it are also canceled" (Canceling Products, Table 10-5).
 * The items run deepest first, so nothing is left on a product already gone.
 */
export async function cancelProduct(deps: CoreDeps, input: CancelProductInput): Promise<PlacedWorkOrder> {
  const product = await readProduct(deps, input.productId);
  assertHolds(input.actor, ORDERING, product.domain, `cancel ${product.type} ${product.id}`);
  const record = await deps.subscribers.listProducts(product.subscriberLogin);
  const cancelled = cancelSet(product, record.some((p) => p.id === product.id) ? record : [...record, product]);
  assertNoOpenOrder(cancelled);

  const items: OrderItem[] = cancelled.map((p, i) => ({
    itemNumber: i + 1,
    type: p.type,
    attributes: {},
    productId: p.id,
    parentItemNumber: null,
    parentProductId: p.parentId,
  }));
  return submitOrder(
    deps,
    input.actor,
    {
      kind: 'Cancel',
      changeKind: null,
      orderable: product.type,
      domain: product.domain,
      subscriberLogin: product.subscriberLogin,
      newOwnerLogin: null,
      origin: input.origin,
      items,
      requestedDeliveryDate: null,
    },
    cancelled,
  );
}
