import { expect, it } from 'vitest';
import { at, newOrder, orderLine } from './fixtures';
import { TARGETS, describeOn, useFreshDatabase, withClients } from './test-databases';

const mailed = (sentAt: string, windowEndsAt: string) => ({ provisioningEmailSentAt: at(sentAt), windowEndsAt: at(windowEndsAt) });

/** What one client sees is the contract's (test/fakes/order-repository.contract.ts); here, clients racing as bot processes would. */
for (const target of TARGETS) {
  describeOn(target, 'OrderRepository across processes', () => {
    const fresh = useFreshDatabase(target);

    it('lets exactly one of many processes claim the same line', async () => {
      const order = await fresh.db.orders.create(newOrder());
      const claims = await withClients(fresh.url, 10, (dbs) =>
        Promise.all(
          dbs.map((db, i) =>
            db.orders.claimInitialEmail(order.number, 1, at(`2030-01-15T06:00:00.0${10 + i}Z`), at('2030-01-22T06:00:00Z')),
          ),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      const winner = claims.indexOf(true);
      expect((await fresh.db.orders.findByNumber(order.number))!.lines[0]?.provisioningEmailSentAt).toEqual(
        at(`2030-01-15T06:00:00.0${10 + winner}Z`),
      );
    });

    it('closes each line once when two processes run at the same time', async () => {
      const now = at('2030-02-01T12:00:00.000Z');
      const expiring = Array.from({ length: 30 }, (_, i) => orderLine(i + 1, mailed('2030-01-20T12:00:00Z', '2030-01-30T12:00:00Z')));
      const order = await fresh.db.orders.create(newOrder({ lines: expiring }));
      const [a, b] = await withClients(fresh.url, 2, (dbs) => Promise.all(dbs.map((db) => db.orders.closeExpiredLines(now))));
      const mine = [...a!, ...b!].filter((l) => l.orderNumber === order.number);
      expect(mine.map((l) => l.lineNumber).sort((x, y) => x - y)).toEqual(expiring.map((l) => l.lineNumber));
    });
  });
}
