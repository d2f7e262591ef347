import { expect, it } from 'vitest';
import { CoreError } from '../../../core/index';
import { at, newOrder, orderLine } from './fixtures';
import { TARGETS, describeOn, useFreshDatabase, withClients } from './test-databases';

for (const target of TARGETS) {
  describeOn(target, 'OrderRepository', () => {
    const fresh = useFreshDatabase(target);
    const orders = () => fresh.db.orders;

    it('stores an order with its lines and reads it back equal, dates as Date objects', async () => {
      const order = newOrder({ lines: [orderLine(2, { ponrAt: at('2030-02-01T10:00:00.456Z'), organizationId: 'org-1' }), orderLine(1)] });
      const created = await orders().create(order);
      const found = await orders().findByNumber(order.number);
      const expected = { ...order, lines: [order.lines[1], order.lines[0]] }; // read back in line-number order
      expect(created).toEqual(expected);
      expect(found).toEqual(expected);
      expect(found?.lines[1]?.ponrAt).toBeInstanceOf(Date);
    });

    it('finds nothing for an unknown order number', async () => {
      expect(await orders().findByNumber('ORD-NOPE')).toBeNull();
    });

    it('refuses a second order with the same number as a CONFLICT and keeps the first', async () => {
      const first = await orders().create(newOrder());
      const again = orders().create(newOrder({ number: first.number, offer: 'Other' }));
      await expect(again).rejects.toBeInstanceOf(CoreError);
      await expect(again).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: `order ${first.number} already exists` } });
      expect(await orders().findByNumber(first.number)).toEqual(first);
    });

    it('stores nothing when one of the lines cannot be stored', async () => {
      const order = newOrder({ lines: [orderLine(1), orderLine(1)] });
      await expect(orders().create(order)).rejects.toThrow();
      expect(await orders().findByNumber(order.number)).toBeNull();
    });

    it('applies every line patch, leaving other columns and lines as they were', async () => {
      const order = await orders().create(newOrder({ lines: [orderLine(1), orderLine(2), orderLine(3)] }));
      await orders().updateLines(order.number, [
        { lineNumber: 1, patch: { provisioningContactEmail: 'new@customer.example' } },
        { lineNumber: 2, patch: { status: 'Provisioned', provisionedAt: at('2030-03-01T00:00:00Z'), organizationId: 'org-9' } },
      ]);
      const [l1, l2, l3] = (await orders().findByNumber(order.number))!.lines;
      expect(l1).toEqual({ ...order.lines[0], provisioningContactEmail: 'new@customer.example' });
      expect(l2).toEqual({ ...order.lines[1], status: 'Provisioned', provisionedAt: at('2030-03-01T00:00:00Z'), organizationId: 'org-9' });
      expect(l3).toEqual(order.lines[2]);
    });

    it('can set a date column back to null', async () => {
      const order = await orders().create(newOrder({ lines: [orderLine(1, { closedAt: at('2030-01-20T00:00:00Z'), status: 'Closed' })] }));
      await orders().updateLines(order.number, [{ lineNumber: 1, patch: { closedAt: null, status: 'Awaiting Provisioning Details' } }]);
      expect((await orders().findByNumber(order.number))!.lines[0]).toEqual(orderLine(1));
    });

    it('changes nothing when one patch names an unknown line', async () => {
      const order = await orders().create(newOrder());
      const update = orders().updateLines(order.number, [
        { lineNumber: 1, patch: { provisioningContactEmail: 'new@customer.example' } },
        { lineNumber: 7, patch: { provisioningContactEmail: 'new@customer.example' } },
      ]);
      await expect(update).rejects.toThrow(/no line 7/);
      expect(await orders().findByNumber(order.number)).toEqual(order);
    });

    it('rejects patches for an unknown order, and treats an empty patch list as a no-op', async () => {
      await expect(orders().updateLines('ORD-NOPE', [{ lineNumber: 1, patch: { status: 'Closed' } }])).rejects.toThrow();
      await expect(orders().updateLines('ORD-NOPE', [])).resolves.toBeUndefined();
    });

    it('claims a line for its initial email once, fixing the window', async () => {
      const order = await orders().create(newOrder());
      const sentAt = at('2030-01-15T06:00:00.001Z');
      const windowEndsAt = at('2030-01-22T06:00:00.001Z');
      expect(await orders().claimInitialEmail(order.number, 1, sentAt, windowEndsAt)).toBe(true);
      expect(await orders().claimInitialEmail(order.number, 1, at('2030-01-16T00:00:00Z'), at('2030-01-23T00:00:00Z'))).toBe(false);
      const [l1, l2] = (await orders().findByNumber(order.number))!.lines;
      expect(l1).toEqual({ ...order.lines[0], provisioningEmailSentAt: sentAt, windowEndsAt });
      expect(l2).toEqual(order.lines[1]);
    });

    it('does not claim a line that is no longer awaiting details, past its PONR, nor an unknown one', async () => {
      const order = await orders().create(
        newOrder({ lines: [orderLine(1, { status: 'Closed' }), orderLine(2, { ponrAt: at('2030-01-14T00:00:00Z') })] }),
      );
      expect(await orders().claimInitialEmail(order.number, 2, at('2030-01-15T00:00:00Z'), at('2030-01-22T00:00:00Z'))).toBe(false);
      expect(await orders().claimInitialEmail(order.number, 1, at('2030-01-15T00:00:00Z'), at('2030-01-22T00:00:00Z'))).toBe(false);
      expect(await orders().claimInitialEmail(order.number, 9, at('2030-01-15T00:00:00Z'), at('2030-01-22T00:00:00Z'))).toBe(false);
      expect(await orders().claimInitialEmail('ORD-NOPE', 1, at('2030-01-15T00:00:00Z'), at('2030-01-22T00:00:00Z'))).toBe(false);
    });

    it('lets exactly one of many processes claim the same line', async () => {
      const order = await orders().create(newOrder());
      const claims = await withClients(fresh.url, 10, (dbs) =>
        Promise.all(
          dbs.map((db, i) =>
            db.orders.claimInitialEmail(order.number, 1, at(`2030-01-15T06:00:00.0${10 + i}Z`), at('2030-01-22T06:00:00Z')),
          ),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      const winner = claims.indexOf(true);
      expect((await orders().findByNumber(order.number))!.lines[0]?.provisioningEmailSentAt).toEqual(
        at(`2030-01-15T06:00:00.0${10 + winner}Z`),
      );
    });

    it('releases a claim so the line can be claimed again', async () => {
      const order = await orders().create(newOrder());
      await orders().claimInitialEmail(order.number, 2, at('2030-01-15T06:00:00Z'), at('2030-01-22T06:00:00Z'));
      await orders().releaseInitialEmail(order.number, 2);
      expect((await orders().findByNumber(order.number))!.lines[1]).toEqual(order.lines[1]);
      expect(await orders().claimInitialEmail(order.number, 2, at('2030-01-16T06:00:00Z'), at('2030-01-23T06:00:00Z'))).toBe(true);
    });
  });
}
