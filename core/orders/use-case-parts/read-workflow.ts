import type { CoreDeps } from '../../core-deps';
import { CoreError } from '../../errors';
import type { Subscriber, SubscriberProduct } from '../../subscribers/subscriber';
import type { DomainRules, WorkOrder } from '../model/work-order';
import { DEFAULT_RULES } from '../model/work-order';
import type { Workflow } from '../model/work-order-machine';

/** Reads shared by the order use cases; each throws the not-found code a user can read. */
export async function readWorkOrder(deps: CoreDeps, orderNumber: string): Promise<WorkOrder> {
  const order = await deps.workOrders.findByNumber(orderNumber.trim().toUpperCase());
  if (!order) throw new CoreError('WORK_ORDER_NOT_FOUND', { orderNumber });
  return order;
}

export async function readWorkflow(deps: CoreDeps, orderNumber: string): Promise<Workflow> {
  const order = await readWorkOrder(deps, orderNumber);
  return { order, activities: await deps.workOrders.listActivities(order.number) };
}

/** A domain that never had rules set works by DEFAULT_RULES. */
export async function rulesFor(deps: CoreDeps, domain: string): Promise<DomainRules> {
  return (await deps.domainRules.find(domain)) ?? DEFAULT_RULES(domain);
}

export async function readSubscriber(deps: CoreDeps, login: string): Promise<Subscriber> {
  const subscriber = await deps.subscribers.findByLogin(login.trim());
  if (!subscriber) throw new CoreError('SUBSCRIBER_NOT_FOUND', { login });
  return subscriber;
}

export async function readProduct(deps: CoreDeps, productId: string): Promise<SubscriberProduct> {
  const product = await deps.subscribers.findProduct(productId.trim());
  if (!product) throw new CoreError('PRODUCT_NOT_FOUND', { productId });
  return product;
}

/** "an information icon (i) ... indicates that the product has an order running against it" */
export function assertNoOpenOrder(products: readonly SubscriberProduct[]): void {
  const conflict = openOrderConflict(products);
  if (conflict) throw conflict;
}

/** The CONFLICT for the first product with an order running against it, or null. */
export function openOrderConflict(products: readonly SubscriberProduct[]): CoreError<'CONFLICT'> | null {
  const busy = products.find((p) => p.openOrderNumber);
  return busy
    ? new CoreError('CONFLICT', {
        reason: `${busy.type} ${busy.id} has order ${busy.openOrderNumber} running against it; wait until it is processed`,
      })
    : null;
}
