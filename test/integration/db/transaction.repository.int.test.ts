import { expect, it } from 'vitest';
import type { NewProvisioningTransaction } from '../../../core/index';
import { at, newOrder } from './fixtures';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

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

for (const target of TARGETS) {
  describeOn(target, 'TransactionRepository', () => {
    const fresh = useFreshDatabase(target);
    const txs = () => fresh.db.transactions;
    const anOrder = async () => (await fresh.db.orders.create(newOrder())).number;

    it('records a Pending row and lists it for its order', async () => {
      const number = await anOrder();
      const input = entry(number, { kind: 'contact-change', oldContact: 'old@customer.example', channel: 'teams' });
      const recorded = await txs().record(input);
      expect(recorded).toEqual({ ...input, id: expect.any(String), status: 'Pending', error: null, completedAt: null });
      expect(await txs().listForOrder(number, 10)).toEqual([recorded]);
    });

    it('completes a row as Sent, or as Failed with the reason', async () => {
      const number = await anOrder();
      const sent = await txs().record(entry(number));
      const failed = await txs().record(entry(number, { createdAt: at('2030-01-16T09:00:01Z') }));
      await txs().complete(sent.id, 'Sent', at('2030-01-16T09:00:02Z'));
      await txs().complete(failed.id, 'Failed', at('2030-01-16T09:00:03Z'), '550 mailbox unavailable');
      const [f, s] = await txs().listForOrder(number, 10);
      expect(s).toMatchObject({ id: sent.id, status: 'Sent', completedAt: at('2030-01-16T09:00:02Z'), error: null });
      expect(f).toMatchObject({
        id: failed.id,
        status: 'Failed',
        completedAt: at('2030-01-16T09:00:03Z'),
        error: '550 mailbox unavailable',
      });
    });

    it('refuses to complete a transaction that does not exist', async () => {
      await expect(txs().complete('999999', 'Sent', at('2030-01-16T09:00:00Z'))).rejects.toThrow(/no provisioning transaction 999999/);
      await expect(txs().complete('not-an-id', 'Sent', at('2030-01-16T09:00:00Z'))).rejects.toThrow();
    });

    it('completes only the Pending rows of the given line', async () => {
      const number = await anOrder();
      const waiting = await txs().record(entry(number, { kind: 'contact-change' }));
      const alsoWaiting = await txs().record(entry(number, { kind: 'contact-change', newContact: 'b@customer.example' }));
      const done = await txs().record(entry(number));
      await txs().complete(done.id, 'Failed', at('2030-01-16T09:00:00Z'), 'earlier failure');
      const otherLine = await txs().record(entry(number, { lineNumber: 2 }));

      await txs().completePendingForLine(number, 1, 'Sent', at('2030-01-20T06:00:00Z'));
      const byId = new Map((await txs().listForOrder(number, 10)).map((t) => [t.id, t]));
      for (const id of [waiting.id, alsoWaiting.id])
        expect(byId.get(id)).toMatchObject({ status: 'Sent', completedAt: at('2030-01-20T06:00:00Z'), error: null });
      expect(byId.get(done.id)).toMatchObject({ status: 'Failed', error: 'earlier failure' });
      expect(byId.get(otherLine.id)).toMatchObject({ status: 'Pending', completedAt: null });
    });

    it('lists newest first, most recently recorded first on equal times, up to the limit', async () => {
      const number = await anOrder();
      const other = await anOrder();
      const a = await txs().record(entry(number, { createdAt: at('2030-01-16T09:00:00Z') }));
      const b = await txs().record(entry(number, { createdAt: at('2030-01-18T09:00:00Z') }));
      const c = await txs().record(entry(number, { createdAt: at('2030-01-17T09:00:00Z') }));
      const d = await txs().record(entry(number, { createdAt: at('2030-01-17T09:00:00Z') }));
      await txs().record(entry(other));
      expect((await txs().listForOrder(number, 10)).map((t) => t.id)).toEqual([b.id, d.id, c.id, a.id]);
      expect((await txs().listForOrder(number, 2)).map((t) => t.id)).toEqual([b.id, d.id]);
      expect(await txs().listForOrder('ORD-NOPE', 10)).toEqual([]);
    });
  });
}
