import { beforeEach, expect, it } from 'vitest';
import type { Database } from '../../../adapters/db/create-database';
import type { NewDelivery } from '../../../core/index';
import { aDelivery, deliveries, minutes, T0 } from './outbox-fixtures';
import { unique } from './fixtures';
import { useRawTables } from './raw-rows';
import { TARGETS, describeOn, useFreshDatabase, withClients } from './test-databases';

/**
 * Several bot processes on one database, as separate clients (each its own pool on
 * PostgreSQL): "each due item is taken by exactly one of them" (outbox-repository.port.ts).
 */
for (const target of TARGETS) {
  describeOn(target, 'OutboxRepository with concurrent clients', () => {
    const fresh = useFreshDatabase(target);
    const raw = useRawTables(() => fresh.url);

    beforeEach(() => raw.clearOutbox());

    it('stores each key once when clients write overlapping deliveries at once, in any order, and their counts add up to the keys', async () => {
      const run = unique();
      const keyed = (i: number): NewDelivery => aDelivery({ key: `race:${run}:${i}`, dueAt: minutes(-i) });
      // Client c writes keys c*25 .. c*25+99: every key but the first and last 25 is written by 2 to 4 clients.
      const writes = [0, 1, 2, 3].map((c) => Array.from({ length: 100 }, (_, i) => keyed(c * 25 + i)));
      writes[1]!.reverse();
      writes[3]!.sort(() => Math.random() - 0.5);

      const added = await withClients(fresh.url, 4, (dbs) => Promise.all(dbs.map((db, c) => db.outbox.write(deliveries(...writes[c]!)))));

      expect(added.reduce((a, b) => a + b, 0)).toBe(175);
      expect(await raw.count('deliveries')).toBe(175);
      const claimed = await fresh.db.outbox.claimDue({ now: T0, limit: 500, leaseMs: 60_000 });
      expect(new Set(claimed.map((d) => d.key)).size).toBe(175);
    });

    it('gives each of 200 due deliveries to exactly one of 4 clients claiming at once in a loop', async () => {
      await fresh.db.outbox.write(deliveries(...Array.from({ length: 200 }, (_, i) => aDelivery({ dueAt: minutes(-200 + i) }))));

      const perClient = await withClients(fresh.url, 4, (dbs) => Promise.all(dbs.map((db) => claimAndSendUntilNone(db))));

      const all = perClient.flat();
      expect(all).toHaveLength(200);
      expect(new Set(all).size).toBe(200);
      expect(await raw.rows(`SELECT DISTINCT "state", "attempts" FROM "deliveries"`)).toEqual([{ state: 'sent', attempts: 1 }]);
      expect(await fresh.db.outbox.claimDue({ now: minutes(60 * 24), limit: 10, leaseMs: 60_000 })).toEqual([]);
    });
  });
}

/**
 * The dispatcher's loop, at one fixed `now` so that only the claims (not the leases)
 * keep the clients apart. Returns the ids this client sent; every markSent must hold.
 */
async function claimAndSendUntilNone(db: Database): Promise<string[]> {
  const sent: string[] = [];
  for (;;) {
    const claimed = await db.outbox.claimDue({ now: T0, limit: 10, leaseMs: 60_000 });
    // Empty: the rest is sent or held by the others (it may also be a lost race, which only means the others are busy).
    if (claimed.length === 0) return sent;
    for (const d of claimed) {
      if (!(await db.outbox.markSent(d, { at: T0 }))) throw new Error(`markSent refused ${d.id}, a delivery this client had just claimed`);
      sent.push(d.id);
    }
  }
}
