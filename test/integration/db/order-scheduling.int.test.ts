import { expect, it } from 'vitest';
import { at, newOrder, orderLine } from './fixtures';
import { TARGETS, describeOn, useFreshDatabase, withClients } from './test-databases';

const mailed = (sentAt: string, windowEndsAt: string) => ({ provisioningEmailSentAt: at(sentAt), windowEndsAt: at(windowEndsAt) });

for (const target of TARGETS) {
  // Each block has a database of its own: these queries scan every order.
  describeOn(target, 'OrderRepository.findLinesDueForInitialEmail', () => {
    const fresh = useFreshDatabase(target);

    it('lists lines awaiting details, never mailed, before the PONR, whose start date has come; oldest first', async () => {
      const orders = fresh.db.orders;
      const later = await orders.create(newOrder({ requestedStartDate: '2030-01-15', lines: [orderLine(2), orderLine(1)] }));
      const today = await orders.create(newOrder({ requestedStartDate: '2030-01-20' }));
      const earlier = await orders.create(
        newOrder({
          requestedStartDate: '2030-01-10',
          lines: [
            orderLine(1, mailed('2030-01-10T06:00:00Z', '2030-01-17T06:00:00Z')),
            orderLine(2, { ponrAt: at('2030-01-09T00:00:00Z') }),
            orderLine(3, { status: 'Closed' }),
            orderLine(4),
          ],
        }),
      );
      await orders.create(newOrder({ requestedStartDate: '2030-01-21' }));

      const due = await orders.findLinesDueForInitialEmail('2030-01-20', 10);
      expect(due).toEqual([
        { orderNumber: earlier.number, lineNumber: 4 },
        { orderNumber: later.number, lineNumber: 1 },
        { orderNumber: later.number, lineNumber: 2 },
        { orderNumber: today.number, lineNumber: 1 },
        { orderNumber: today.number, lineNumber: 2 },
      ]);
      expect(await orders.findLinesDueForInitialEmail('2030-01-20', 2)).toEqual(due.slice(0, 2));
      expect(await orders.findLinesDueForInitialEmail('2030-01-09', 10)).toEqual([]);
    });
  });

  describeOn(target, 'OrderRepository.closeExpiredLines', () => {
    const fresh = useFreshDatabase(target);
    const now = at('2030-02-01T12:00:00.000Z');

    it('closes lines awaiting details whose window ended at or before now, past the PONR or not, and only those', async () => {
      const orders = fresh.db.orders;
      const order = await orders.create(
        newOrder({
          lines: [
            orderLine(1, mailed('2030-01-25T12:00:00Z', '2030-02-01T12:00:00.000Z')), // ends exactly now
            orderLine(2, mailed('2030-01-20T12:00:00Z', '2030-01-27T12:00:00Z')),
            orderLine(3, mailed('2030-01-26T12:00:00Z', '2030-02-01T12:00:00.001Z')), // a millisecond to go
            orderLine(4, { ...mailed('2030-01-20T12:00:00Z', '2030-01-27T12:00:00Z'), ponrAt: at('2030-01-21T00:00:00Z') }),
            orderLine(5, { ...mailed('2030-01-20T12:00:00Z', '2030-01-27T12:00:00Z'), status: 'Provisioned' }),
            orderLine(6),
          ],
        }),
      );

      const closed = await orders.closeExpiredLines(now);
      expect(closed.sort((a, b) => a.lineNumber - b.lineNumber)).toEqual([
        { orderNumber: order.number, lineNumber: 1 },
        { orderNumber: order.number, lineNumber: 2 },
        { orderNumber: order.number, lineNumber: 4 },
      ]);
      const lines = (await orders.findByNumber(order.number))!.lines;
      expect(lines.map((l) => [l.status, l.closedAt])).toEqual([
        ['Closed', now],
        ['Closed', now],
        ['Awaiting Provisioning Details', null],
        ['Closed', now],
        ['Provisioned', null],
        ['Awaiting Provisioning Details', null],
      ]);
      expect(await orders.closeExpiredLines(now)).toEqual([]);
    });

    it('closes each line once when two processes run at the same time', async () => {
      const expiring = Array.from({ length: 30 }, (_, i) => orderLine(i + 1, mailed('2030-01-20T12:00:00Z', '2030-01-30T12:00:00Z')));
      const order = await fresh.db.orders.create(newOrder({ lines: expiring }));
      const [a, b] = await withClients(fresh.url, 2, (dbs) => Promise.all(dbs.map((db) => db.orders.closeExpiredLines(now))));
      const all = [...a!, ...b!].map((l) => l.lineNumber).sort((x, y) => x - y);
      expect(all).toEqual(expiring.map((l) => l.lineNumber));
      expect([...a!, ...b!].every((l) => l.orderNumber === order.number)).toBe(true);
    });
  });
}

for (const target of TARGETS) {
  describeOn(target, 'OrderRepository.findLinesByWindowEnd', () => {
    const fresh = useFreshDatabase(target);

    it('lists lines of one status whose window ends in [from, to), soonest or latest first, with their orders', async () => {
      const orders = fresh.db.orders;
      const order = await orders.create(
        newOrder({
          lines: [
            orderLine(1, mailed('2030-03-01T00:00:00Z', '2030-03-08T00:00:00Z')),
            orderLine(2, mailed('2030-03-02T00:00:00Z', '2030-03-09T00:00:00Z')),
            orderLine(3, { ...mailed('2030-03-01T00:00:00Z', '2030-03-08T12:00:00Z'), status: 'Closed' }),
            orderLine(4, mailed('2030-03-05T00:00:00Z', '2030-03-12T00:00:00Z')),
          ],
        }),
      );
      const window = {
        status: 'Awaiting Provisioning Details' as const,
        from: at('2030-03-08T00:00:00Z'),
        to: at('2030-03-12T00:00:00Z'),
        limit: 10,
      };
      const soonest = await orders.findLinesByWindowEnd(window);
      expect(soonest.map((f) => f.line.lineNumber)).toEqual([1, 2]);
      expect(soonest[0]!.order.number).toBe(order.number);
      expect(soonest[0]!.order.placedBy.email).toBe(order.placedBy.email);
      expect((await orders.findLinesByWindowEnd({ ...window, latestFirst: true, limit: 1 })).map((f) => f.line.lineNumber)).toEqual([2]);
      expect((await orders.findLinesByWindowEnd({ ...window, status: 'Closed' })).map((f) => f.line.lineNumber)).toEqual([3]);
    });
  });
}
