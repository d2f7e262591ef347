import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { getReadableOrder } from '../access/authorize-order-action';
import type { ProvisioningTransaction } from './provisioning-transaction';
import type { SupportCase } from './support-case';

const HISTORY_LIMIT = 50;

/** The order's Transaction Manager rows and its support cases, each newest first, at most `limit` of each. */
export interface OrderHistory {
  orderNumber: string;
  transactions: ProvisioningTransaction[];
  cases: SupportCase[];
  limit: number;
}

/** Like the seed's Transaction Manager: each provisioning email update and its status, newest first. */
export async function getOrderHistory(deps: CoreDeps, input: { actor: Actor; orderNumber: string }): Promise<OrderHistory> {
  const order = await getReadableOrder(deps, input.actor, input.orderNumber);
  return readOrderHistory(deps, order.number);
}

/** The history as `history` shows it, for whoever already may read the order (a support case's email). */
export async function readOrderHistory(deps: CoreDeps, orderNumber: string): Promise<OrderHistory> {
  const [transactions, cases] = await Promise.all([
    deps.transactions.listForOrder(orderNumber, HISTORY_LIMIT),
    deps.supportCases.listForOrder(orderNumber, HISTORY_LIMIT),
  ]);
  return { orderNumber, transactions, cases, limit: HISTORY_LIMIT };
}
