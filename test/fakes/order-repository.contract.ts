import { describe, expect, it } from 'vitest';
import { CoreError } from '../../core/index';
import type { OrderRepository } from '../../core/index';
import { at, newOrder, orderLine, unique } from '../integration/db/fixtures';

/**
 * What OrderRepository promises (core/ports/order-repository.port.ts), through the port
 * only, so InMemoryOrders and adapters/db run the same suite. Tests share a database:
 * the queries that scan every order are checked on the test's own orders (a filtered
 * list keeps its order). Racing clients stay in test/integration/db/order.repository.int.test.ts.
 */
const mailed = (sentAt: string, windowEndsAt: string) => ({ provisioningEmailSentAt: at(sentAt), windowEndsAt: at(windowEndsAt) });
const AWAITING = 'Awaiting Provisioning Details' as const;
type Ref = { orderNumber: string };
const ownedBy =
  (numbers: string[]) =>
  <T extends Ref>(refs: T[]) =>
    refs.filter((r) => numbers.includes(r.orderNumber));

export function describeOrderRepository(name: string, make: () => Promise<OrderRepository>) {
  describe(`${name}: create, find, update`, () => {
    it('stores an order with its lines and reads it back equal, lines in line-number order, dates as Dates', async () => {
      const orders = await make();
      const order = newOrder({ lines: [orderLine(2, { ponrAt: at('2030-02-01T10:00:00.456Z'), organizationId: 'org-1' }), orderLine(1)] });
      const expected = { ...order, lines: [order.lines[1], order.lines[0]] };
      expect(await orders.create(order)).toEqual(expected);
      const found = await orders.findByNumber(order.number);
      expect(found).toEqual(expected);
      expect(found?.lines[1]?.ponrAt).toBeInstanceOf(Date);
      expect(await orders.findByNumber('ORD-NOPE')).toBeNull();
    });

    it('refuses a second order with the same number as a CONFLICT and keeps the first', async () => {
      const orders = await make();
      const first = await orders.create(newOrder());
      const again = orders.create(newOrder({ number: first.number, offer: 'Other' }));
      await expect(again).rejects.toBeInstanceOf(CoreError);
      await expect(again).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: `order ${first.number} already exists` } });
      expect(await orders.findByNumber(first.number)).toEqual(first);
    });

    it('stores nothing when two lines share a number', async () => {
      const orders = await make();
      const order = newOrder({ lines: [orderLine(1), orderLine(1)] });
      await expect(orders.create(order)).rejects.toThrow();
      expect(await orders.findByNumber(order.number)).toBeNull();
    });

    it('lists the orders of a subscription oldest first', async () => {
      const orders = await make();
      const subscriptionId = `sub-${unique()}`;
      const [a, b] = [newOrder({ subscriptionId }), newOrder({ subscriptionId })];
      for (const o of [a, b, newOrder()]) await orders.create(o);
      expect(await orders.findNumbersBySubscription(subscriptionId)).toEqual([a.number, b.number]);
      expect(await orders.findNumbersBySubscription(`sub-${unique()}`)).toEqual([]);
    });

    it('applies every line patch, leaving other columns and lines as they were; a date goes back to null', async () => {
      const orders = await make();
      const order = await orders.create(
        newOrder({ lines: [orderLine(1), orderLine(2), orderLine(3, { closedAt: at('2030-01-20T00:00:00Z'), status: 'Closed' })] }),
      );
      const provisioned = { status: 'Provisioned' as const, provisionedAt: at('2030-03-01T00:00:00Z'), organizationId: 'org-9' };
      await orders.updateLines(order.number, [
        { lineNumber: 1, patch: { provisioningContactEmail: 'new@customer.example' } },
        { lineNumber: 2, patch: provisioned },
        { lineNumber: 3, patch: { closedAt: null, status: AWAITING } },
      ]);
      const [l1, l2, l3] = (await orders.findByNumber(order.number))!.lines;
      expect(l1).toEqual({ ...order.lines[0], provisioningContactEmail: 'new@customer.example' });
      expect(l2).toEqual({ ...order.lines[1], ...provisioned });
      expect(l3).toEqual(orderLine(3));
    });

    it('applies no patch when one names an unknown line; rejects an unknown order; an empty list is a no-op', async () => {
      const orders = await make();
      const order = await orders.create(newOrder());
      const email = { provisioningContactEmail: 'new@customer.example' };
      const update = orders.updateLines(order.number, [
        { lineNumber: 1, patch: email },
        { lineNumber: 7, patch: email },
      ]);
      await expect(update).rejects.toThrow(/no line 7/);
      expect(await orders.findByNumber(order.number)).toEqual(order);
      await expect(orders.updateLines('ORD-NOPE', [{ lineNumber: 1, patch: { status: 'Closed' } }])).rejects.toThrow();
      await expect(orders.updateLines('ORD-NOPE', [])).resolves.toBeUndefined();
    });
  });

  describe(`${name}: the initial email`, () => {
    it('claims a line for its initial email once, fixing the window', async () => {
      const orders = await make();
      const order = await orders.create(newOrder());
      const [sentAt, windowEndsAt] = [at('2030-01-15T06:00:00.001Z'), at('2030-01-22T06:00:00.001Z')];
      expect(await orders.claimInitialEmail(order.number, 1, sentAt, windowEndsAt)).toBe(true);
      expect(await orders.claimInitialEmail(order.number, 1, at('2030-01-16T00:00:00Z'), at('2030-01-23T00:00:00Z'))).toBe(false);
      const [l1, l2] = (await orders.findByNumber(order.number))!.lines;
      expect(l1).toEqual({ ...order.lines[0], provisioningEmailSentAt: sentAt, windowEndsAt });
      expect(l2).toEqual(order.lines[1]);
    });

    it('does not claim a line no longer awaiting details, past its PONR, nor an unknown one', async () => {
      const orders = await make();
      const order = await orders.create(
        newOrder({ lines: [orderLine(1, { status: 'Closed' }), orderLine(2, { ponrAt: at('2030-01-14T00:00:00Z') })] }),
      );
      const claim = (n: string, line: number) => orders.claimInitialEmail(n, line, at('2030-01-15T00:00:00Z'), at('2030-01-22T00:00:00Z'));
      for (const [n, line] of [
        [order.number, 1],
        [order.number, 2],
        [order.number, 9],
        ['ORD-NOPE', 1],
      ] as const)
        expect(await claim(n, line)).toBe(false);
      expect(await orders.findByNumber(order.number)).toEqual(order);
    });

    it('releases a claim so the line can be claimed again', async () => {
      const orders = await make();
      const order = await orders.create(newOrder());
      await orders.claimInitialEmail(order.number, 2, at('2030-01-15T06:00:00Z'), at('2030-01-22T06:00:00Z'));
      await orders.releaseInitialEmail(order.number, 2);
      expect((await orders.findByNumber(order.number))!.lines[1]).toEqual(order.lines[1]);
      expect(await orders.claimInitialEmail(order.number, 2, at('2030-01-16T06:00:00Z'), at('2030-01-23T06:00:00Z'))).toBe(true);
    });

    it('lists lines awaiting details, never mailed, before the PONR, whose start date has come; earliest start first', async () => {
      const orders = await make();
      const later = await orders.create(newOrder({ requestedStartDate: '2030-01-15', lines: [orderLine(2), orderLine(1)] }));
      const today = await orders.create(newOrder({ requestedStartDate: '2030-01-20' }));
      const lines = [
        orderLine(1, mailed('2030-01-10T06:00:00Z', '2030-01-17T06:00:00Z')),
        orderLine(2, { ponrAt: at('2030-01-09T00:00:00Z') }),
        orderLine(3, { status: 'Closed' }),
        orderLine(4),
      ];
      const earlier = await orders.create(newOrder({ requestedStartDate: '2030-01-10', lines }));
      const tomorrow = await orders.create(newOrder({ requestedStartDate: '2030-01-21' }));
      const mine = ownedBy([later, today, earlier, tomorrow].map((o) => o.number));
      expect(mine(await orders.findLinesDueForInitialEmail('2030-01-20', 100_000))).toEqual([
        { orderNumber: earlier.number, lineNumber: 4 },
        { orderNumber: later.number, lineNumber: 1 },
        { orderNumber: later.number, lineNumber: 2 },
        { orderNumber: today.number, lineNumber: 1 },
        { orderNumber: today.number, lineNumber: 2 },
      ]);
      expect(await orders.findLinesDueForInitialEmail('2030-01-20', 2)).toHaveLength(2);
      expect(mine(await orders.findLinesDueForInitialEmail('2030-01-09', 100_000))).toEqual([]);
    });
  });

  describe(`${name}: windows`, () => {
    it('closes lines awaiting details whose window ended at or before now, past the PONR or not, and only those', async () => {
      const orders = await make();
      const now = at('2030-02-01T12:00:00.000Z');
      const lines = [
        orderLine(1, mailed('2030-01-25T12:00:00Z', '2030-02-01T12:00:00.000Z')), // ends exactly now
        orderLine(2, mailed('2030-01-20T12:00:00Z', '2030-01-27T12:00:00Z')),
        orderLine(3, mailed('2030-01-26T12:00:00Z', '2030-02-01T12:00:00.001Z')), // a millisecond to go
        orderLine(4, { ...mailed('2030-01-20T12:00:00Z', '2030-01-27T12:00:00Z'), ponrAt: at('2030-01-21T00:00:00Z') }),
        orderLine(5, { ...mailed('2030-01-20T12:00:00Z', '2030-01-27T12:00:00Z'), status: 'Provisioned' }),
        orderLine(6),
      ];
      const order = await orders.create(newOrder({ lines }));
      const mine = ownedBy([order.number]);
      const closed = mine(await orders.closeExpiredLines(now)).map((l) => l.lineNumber);
      expect(closed.sort()).toEqual([1, 2, 4]);
      expect((await orders.findByNumber(order.number))!.lines.map((l) => [l.status, l.closedAt])).toEqual([
        ['Closed', now],
        ['Closed', now],
        [AWAITING, null],
        ['Closed', now],
        ['Provisioned', null],
        [AWAITING, null],
      ]);
      expect(mine(await orders.closeExpiredLines(now))).toEqual([]);
    });

    it('lists lines of one status whose window ends in [from, to), soonest or latest first, with their orders', async () => {
      const orders = await make();
      // A year of its own: other tests' windows are in 2030.
      const lines = [
        orderLine(1, mailed('2041-03-01T00:00:00Z', '2041-03-08T00:00:00Z')),
        orderLine(2, mailed('2041-03-02T00:00:00Z', '2041-03-09T00:00:00Z')),
        orderLine(3, { ...mailed('2041-03-01T00:00:00Z', '2041-03-08T12:00:00Z'), status: 'Closed' }),
        orderLine(4, mailed('2041-03-05T00:00:00Z', '2041-03-12T00:00:00Z')),
      ];
      const order = await orders.create(newOrder({ lines }));
      const window = { status: AWAITING, from: at('2041-03-08T00:00:00Z'), to: at('2041-03-12T00:00:00Z'), limit: 10 };
      type Window = Parameters<OrderRepository['findLinesByWindowEnd']>[0];
      const lineNumbers = async (input: Window) =>
        (await orders.findLinesByWindowEnd(input)).filter((f) => f.order.number === order.number).map((f) => f.line.lineNumber);
      const soonest = await orders.findLinesByWindowEnd(window);
      expect(soonest.map((f) => f.line.lineNumber)).toEqual([1, 2]);
      expect(soonest[0]!.order).toEqual(order);
      expect(await lineNumbers({ ...window, latestFirst: true, limit: 1 })).toEqual([2]);
      expect(await lineNumbers({ ...window, status: 'Closed' })).toEqual([3]);
    });
  });
}
