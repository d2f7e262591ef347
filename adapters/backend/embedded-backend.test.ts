import { describe, expect, it } from 'vitest';
import type { OrderItem, WorkOrder } from '../../core/index';
import { createEmbeddedBackend } from './embedded-backend';

const item = (itemNumber: number, type: OrderItem['type'], productId: string | null = null): OrderItem => ({
  itemNumber,
  type,
  attributes: {},
  productId,
  parentItemNumber: null,
  parentProductId: null,
});
const order = {} as WorkOrder;

describe('the embedded provisioning backend', () => {
  it('provisions every item, with new ids for new products and the same id for existing ones', async () => {
    const backend = createEmbeddedBackend();
    const out = await backend.execute(order, [item(1, 'Phone'), item(2, 'Line', 'p-7')]);
    expect(out).toEqual([
      { ok: true, itemNumber: 1, productId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      { ok: true, itemNumber: 2, productId: 'p-7' },
    ]);
  });

  it('fails an injected product type as often as told, stopping at the first failure', async () => {
    const backend = createEmbeddedBackend();
    backend.injectFailure({ productType: 'Line', kind: 'recoverable', message: 'DN 5001 is in use', times: 1 });
    const first = await backend.execute(order, [item(1, 'Phone'), item(2, 'Line'), item(3, 'Voicemail')]);
    expect(first.map((o) => o.ok)).toEqual([true, false]);
    expect(first[1]).toEqual({ ok: false, itemNumber: 2, kind: 'recoverable', message: 'DN 5001 is in use' });
    const second = await backend.execute(order, [item(1, 'Line')]);
    expect(second[0]?.ok).toBe(true);
    expect(backend.failures).toEqual([]);
  });
});
