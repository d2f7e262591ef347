import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { getReadableOrder } from '../access/authorize-order-action';
import type { ProvisioningTransaction } from './provisioning-transaction';

const HISTORY_LIMIT = 50;

/** Like the seed's Transaction Manager: each provisioning email update and its status, newest first. */
export async function getOrderHistory(
  deps: CoreDeps,
  input: { actor: Actor; orderNumber: string },
): Promise<{ orderNumber: string; transactions: ProvisioningTransaction[]; limit: number }> {
  const order = await getReadableOrder(deps, input.actor, input.orderNumber);
  const transactions = await deps.transactions.listForOrder(order.number, HISTORY_LIMIT);
  return { orderNumber: order.number, transactions, limit: HISTORY_LIMIT };
}
