import { randomUUID } from 'node:crypto';
import type { ItemOutcome, OrderItem, ProductType, ProvisioningBackend, WorkOrder } from '../../core/index';

export interface InjectedFailure {
  productType: ProductType;
  kind: 'recoverable' | 'unrecoverable';
  message: string;
  /** How many executions fail before the product type works again. */
  times: number;
}

/**
 * The embedded default backend: there is no call processor behind it, so every item
 * succeeds and the core records the products in the subscriber record. For demos
 * and tests it can be told to fail a product type, recoverably or not, to exercise
 * the seed's failure handling ("Work Order States").
 */
export interface EmbeddedBackend extends ProvisioningBackend {
  injectFailure(failure: InjectedFailure): void;
  clearFailures(): void;
  readonly failures: readonly InjectedFailure[];
}

export function createEmbeddedBackend(): EmbeddedBackend {
  const failures: InjectedFailure[] = [];

  const outcome = (item: OrderItem): ItemOutcome => {
    const failure = failures.find((f) => f.productType === item.type && f.times > 0);
    if (!failure) return { ok: true, itemNumber: item.itemNumber, productId: item.productId ?? randomUUID() };
    failure.times -= 1;
    if (failure.times === 0) failures.splice(failures.indexOf(failure), 1);
    return { ok: false, itemNumber: item.itemNumber, kind: failure.kind, message: failure.message };
  };

  return {
    failures,
    async execute(_order: WorkOrder, items: OrderItem[]) {
      const outcomes: ItemOutcome[] = [];
      for (const item of items) {
        const o = outcome(item);
        outcomes.push(o);
        // "execution stops at the first failure" (ProvisioningBackend)
        if (!o.ok) break;
      }
      return outcomes;
    },
    injectFailure(failure) {
      failures.push({ ...failure });
    },
    clearFailures() {
      failures.length = 0;
    },
  };
}
