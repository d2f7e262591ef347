import type { OrderItem, WorkOrder } from '../orders/model/work-order';

export type ItemOutcome =
  | { ok: true; itemNumber: number; productId: string }
  | { ok: false; itemNumber: number; kind: 'recoverable' | 'unrecoverable'; message: string };

/**
 * Where released orders are carried out ("Provisioning contains an automation engine
 * which performs the order processing"). Items are executed in order; execution
 * stops at the first failure. The embedded default records the products in the
 * subscriber record and can be told to fail a product type.
 */
export interface ProvisioningBackend {
  execute(order: WorkOrder, items: OrderItem[]): Promise<ItemOutcome[]>;
}
