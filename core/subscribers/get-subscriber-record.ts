import type { CoreDeps } from '../core-deps';
import { assertHolds, ORDERING } from '../orders/permissions/authorize-work';
import { readSubscriber } from '../orders/use-case-parts/read-workflow';
import type { GetSubscriberRecordInput } from '../orders/use-case-types';
import type { SubscriberRecord } from './subscriber';

const RECENT_ORDERS = 20;

/**
 * "If you are assigned the Ordering authorization role, you can access your own
 * subscriber record, and the subscriber records of other users" (Accessing a
 * Subscriber Record): the products, and the orders against them, newest first.
 */
export async function getSubscriberRecord(deps: CoreDeps, input: GetSubscriberRecordInput): Promise<SubscriberRecord> {
  const subscriber = await readSubscriber(deps, input.login);
  assertHolds(input.actor, ORDERING, subscriber.domain, `see the subscriber record of ${subscriber.login}`);
  const products = await deps.subscribers.listProducts(subscriber.login);
  const orders = await deps.workOrders.search({ subscriberLogin: subscriber.login, domains: [subscriber.domain] }, RECENT_ORDERS);
  return {
    subscriber,
    products,
    orders: orders.map((o) => ({
      number: o.number,
      kind: o.changeKind ?? o.kind,
      state: o.state,
      extendedStatus: o.extendedStatus,
      createdAt: o.createdAt,
    })),
  };
}
