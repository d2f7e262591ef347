import { describe, expect, it } from 'vitest';
import type { NewProvisioningTransaction, OrderRepository, TransactionRepository } from '../../core/index';
import { at, newOrder } from '../integration/db/fixtures';
import { aDelivery, deliveries } from '../integration/db/outbox-fixtures';

/**
 * What TransactionRepository promises (core/ports/transaction-repository.port.ts), through
 * the port only, so InMemoryTransactions and adapters/db run the same suite. A row names
 * an order of the same store; each test places its own.
 */
export interface TransactionsUnderTest {
  transactions: TransactionRepository;
  orders: OrderRepository;
  /** Every delivery key stored so far (the outbox of the same store). */
  deliveryKeys(): Promise<string[]>;
}

const entry = (orderNumber: string, overrides: Partial<NewProvisioningTransaction> = {}): NewProvisioningTransaction => ({
  orderNumber,
  lineNumber: 1,
  kind: 'resend',
  actor: { name: 'Alice Placer', email: 'alice@acme-partner.example' },
  channel: 'slack',
  oldContact: null,
  newContact: 'it@customer.example',
  createdAt: at('2030-01-16T09:00:00.000Z'),
  ...overrides,
});
const anOrder = async (s: TransactionsUnderTest) => (await s.orders.create(newOrder())).number;

export function describeTransactionRepository(name: string, make: () => Promise<TransactionsUnderTest>) {
  describe(name, () => {
    it('records a Pending row and lists it for its order', async () => {
      const s = await make();
      const number = await anOrder(s);
      const input = entry(number, { kind: 'contact-change', oldContact: 'old@customer.example', channel: 'teams' });
      const recorded = await s.transactions.record(input);
      expect(recorded).toEqual({ ...input, id: expect.any(String), status: 'Pending', error: null, completedAt: null });
      expect(await s.transactions.listForOrder(number, 10)).toEqual([recorded]);
    });

    it('completes a row as Sent, or as Failed with the reason', async () => {
      const s = await make();
      const number = await anOrder(s);
      const sent = await s.transactions.record(entry(number));
      const failed = await s.transactions.record(entry(number, { createdAt: at('2030-01-16T09:00:01Z') }));
      await s.transactions.complete(sent.id, 'Sent', at('2030-01-16T09:00:02Z'));
      await s.transactions.complete(failed.id, 'Failed', at('2030-01-16T09:00:03Z'), '550 mailbox unavailable');
      const [f, ok] = await s.transactions.listForOrder(number, 10);
      expect(ok).toMatchObject({ id: sent.id, status: 'Sent', completedAt: at('2030-01-16T09:00:02Z'), error: null });
      expect(f).toMatchObject({
        id: failed.id,
        status: 'Failed',
        completedAt: at('2030-01-16T09:00:03Z'),
        error: '550 mailbox unavailable',
      });
    });

    it('refuses to complete a transaction that does not exist', async () => {
      const s = await make();
      await expect(s.transactions.complete('999999', 'Sent', at('2030-01-16T09:00:00Z'))).rejects.toThrow(
        /no provisioning transaction 999999/,
      );
      await expect(s.transactions.complete('not-an-id', 'Sent', at('2030-01-16T09:00:00Z'))).rejects.toThrow();
    });

    it('completes only the Pending rows of the given line', async () => {
      const s = await make();
      const number = await anOrder(s);
      const waiting = await s.transactions.record(entry(number, { kind: 'contact-change' }));
      const alsoWaiting = await s.transactions.record(entry(number, { kind: 'contact-change', newContact: 'b@customer.example' }));
      const done = await s.transactions.record(entry(number));
      await s.transactions.complete(done.id, 'Failed', at('2030-01-16T09:00:00Z'), 'earlier failure');
      const otherLine = await s.transactions.record(entry(number, { lineNumber: 2 }));

      await s.transactions.completePendingForLine(number, 1, 'Sent', at('2030-01-20T06:00:00Z'));
      const byId = new Map((await s.transactions.listForOrder(number, 10)).map((t) => [t.id, t]));
      for (const id of [waiting.id, alsoWaiting.id])
        expect(byId.get(id)).toMatchObject({ status: 'Sent', completedAt: at('2030-01-20T06:00:00Z'), error: null });
      expect(byId.get(done.id)).toMatchObject({ status: 'Failed', error: 'earlier failure' });
      expect(byId.get(otherLine.id)).toMatchObject({ status: 'Pending', completedAt: null });
    });

    it('lists newest first, most recently recorded first on equal times, up to the limit', async () => {
      const s = await make();
      const number = await anOrder(s);
      const other = await anOrder(s);
      const a = await s.transactions.record(entry(number, { createdAt: at('2030-01-16T09:00:00Z') }));
      const b = await s.transactions.record(entry(number, { createdAt: at('2030-01-18T09:00:00Z') }));
      const c = await s.transactions.record(entry(number, { createdAt: at('2030-01-17T09:00:00Z') }));
      const d = await s.transactions.record(entry(number, { createdAt: at('2030-01-17T09:00:00Z') }));
      await s.transactions.record(entry(other));
      expect((await s.transactions.listForOrder(number, 10)).map((t) => t.id)).toEqual([b.id, d.id, c.id, a.id]);
      expect((await s.transactions.listForOrder(number, 2)).map((t) => t.id)).toEqual([b.id, d.id]);
      expect(await s.transactions.listForOrder('ORD-NOPE', 10)).toEqual([]);
    });

    it('records a row and the notices it plans for it together, or neither when planning fails', async () => {
      const s = await make();
      const number = await anOrder(s);
      const recorded = await s.transactions.record(entry(number), (r) => deliveries(aDelivery({ key: `tx:${r.id}:${number}` })));
      expect((await s.deliveryKeys()).filter((k) => k.endsWith(`:${number}`))).toEqual([`tx:${recorded.id}:${number}`]);
      const plan = () => {
        throw new Error('planning failed');
      };
      await expect(s.transactions.record(entry(number), plan)).rejects.toThrow('planning failed');
      expect(await s.transactions.listForOrder(number, 10)).toEqual([recorded]);
      expect(await s.transactions.findById(recorded.id)).toEqual(recorded);
    });
  });
}
