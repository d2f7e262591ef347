import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { adapterFactoryFor, providerOf } from '../../../adapters/db/database-url';
import { createOutboxRepository } from '../../../adapters/db/outbox.repository';
import type { DbClient } from '../../../adapters/db/prisma-client';
import type { OutboxRepository } from '../../../core/index';
import { PrismaClient as PostgresClient } from '../../../prisma/generated/postgres/client';
import { PrismaClient as SqliteClient } from '../../../prisma/generated/sqlite/client';
import { aDelivery, deliveries, minutes, systemAlert, T0 } from './outbox-fixtures';
import { unique } from './fixtures';
import { useRawTables } from './raw-rows';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

const LEASE = 30_000;

/**
 * The outbox's batch writes on a real database: a batch of deliveries is one INSERT
 * that skips stored keys, and a dispatch round's successes are marked sent in one
 * UPDATE, only where the claim is still ours. The statements are counted on a client
 * that logs them (the Hardening issue measured a read and a transaction per write and
 * an UPDATE per delivery).
 */
for (const target of TARGETS) {
  describeOn(target, 'OutboxRepository batches', () => {
    const fresh = useFreshDatabase(target);
    const raw = useRawTables(() => fresh.url);
    const logged = useLoggingOutbox(() => fresh.url);
    const states = async () =>
      (
        await raw.rows<{ key: string; state: string; claim: string | null; content: string }>(
          `SELECT "key", "state", "claim", "content" FROM "deliveries" ORDER BY "dueAt"`,
        )
      ).map((r) => ({
        ...r,
        content: JSON.parse(r.content) as unknown,
      }));

    beforeEach(() => raw.clearOutbox());

    it('writes a batch in one statement, skipping the keys already stored, and returns how many it wrote', async () => {
      const batch = Array.from({ length: 100 }, (_, i) => aDelivery({ key: `batch:${unique()}`, dueAt: minutes(i - 100) }));
      const alreadyStored = [batch[3]!, batch[50]!, batch[99]!];
      expect(await fresh.db.outbox.write(deliveries(...alreadyStored))).toBe(3);
      const before = await states();

      logged.statements.length = 0;
      const again = batch.map((d) => (alreadyStored.includes(d) ? { ...d, content: systemAlert('a second copy') } : d));
      expect(await logged.outbox.write(deliveries(...again))).toBe(97);

      expect(logged.statements).toHaveLength(1);
      const after = await states();
      expect(after).toHaveLength(100);
      // The stored rows are as they were: the second copy of their keys was not written.
      expect(after.filter((r) => before.some((b) => b.key === r.key))).toEqual(before);
      expect(await logged.outbox.write(deliveries(...again))).toBe(0);
      expect(await raw.count('deliveries')).toBe(100);
    });

    it('keeps the first of a key given twice in one batch, next to keys already stored, and counts only what it added', async () => {
      const [stored, twice, once] = ['stored', 'twice', 'once'].map((k) =>
        aDelivery({ key: `${k}:${unique()}`, content: systemAlert(`${k} first`) }),
      );
      await fresh.db.outbox.write(deliveries(stored!));
      const batch = [
        twice!,
        { ...stored!, content: systemAlert('stored again') },
        once!,
        { ...twice!, content: systemAlert('twice again') },
      ];

      expect(await fresh.db.outbox.write(deliveries(...batch))).toBe(2);

      const summaries = (await states()).map((r) => [r.key, (r.content as { events: { summary: string }[] }).events[0]?.summary]);
      expect(summaries.sort()).toEqual(
        [
          [once!.key, 'once first'],
          [stored!.key, 'stored first'],
          [twice!.key, 'twice first'],
        ].sort(),
      );
    });

    it('gives back the target, content and due time exactly as written: quotes, backslashes, unicode, milliseconds', async () => {
      const odd = `l'"ordre" \\ C:\\path\u0000 — naïve 注文 ✅ 🚀 \u2028 \ud800 {"$date":"x"} ]}`;
      const written = aDelivery({
        key: `odd:"l'ordre" \\ 注文 ✅:${unique()}`,
        target: { channel: 'email', address: `o'brien+"ü"@acme-partner.example`, asUser: false, domain: null },
        content: systemAlert(odd),
        dueAt: new Date(T0.getTime() - 59_877),
      });
      expect(await fresh.db.outbox.write(deliveries(written))).toBe(1);

      const [claimed] = await fresh.db.outbox.claimDue({ now: T0, limit: 10, leaseMs: LEASE });
      expect(claimed && { key: claimed.key, target: claimed.target, content: claimed.content, dueAt: claimed.dueAt }).toEqual({
        key: written.key,
        target: written.target,
        content: written.content,
        dueAt: written.dueAt,
      });
      // Written again, the key is recognised as stored, byte for byte.
      expect(await fresh.db.outbox.write(deliveries(written))).toBe(0);
    });

    it.runIf(target.name === 'postgresql')('claims a batch in one statement, oldest due first, with its attempt counted', async () => {
      const batch = Array.from({ length: 100 }, (_, i) => aDelivery({ dueAt: minutes(i - 100) }));
      await fresh.db.outbox.write(deliveries(...[...batch].reverse()));

      logged.statements.length = 0;
      const claimed = await logged.outbox.claimDue({ now: T0, limit: 60, leaseMs: LEASE });

      expect(logged.statements).toHaveLength(1);
      expect(claimed.map((d) => [d.key, d.attempts, d.inDoubt])).toEqual(batch.slice(0, 60).map((d) => [d.key, 1, false]));
      expect((await states()).filter((r) => r.claim === claimed[0]!.claim)).toHaveLength(60);
    });

    it('marks exactly the given deliveries sent, in one statement, leaving one another claim took and the rest as they were', async () => {
      const [d1, d2, d3, d4, d5] = [-5, -4, -3, -2, -1].map((m) => aDelivery({ dueAt: minutes(m) }));
      await fresh.db.outbox.write(deliveries(d1!, d2!, d3!, d4!, d5!));
      const ours = await fresh.db.outbox.claimDue({ now: T0, limit: 4, leaseMs: LEASE });
      // Our lease ran out and another process took the oldest.
      const [theirs] = await fresh.db.outbox.claimDue({ now: new Date(T0.getTime() + LEASE), limit: 1, leaseMs: LEASE });
      expect(theirs?.key).toBe(d1!.key);

      logged.statements.length = 0;
      expect(await logged.outbox.markAllSent(ours.slice(0, 3), { at: minutes(1) })).toBe(2);

      expect(logged.statements).toHaveLength(1);
      expect((await states()).map((r) => [r.key, r.state, r.claim])).toEqual([
        [d1!.key, 'pending', theirs!.claim],
        [d2!.key, 'sent', null],
        [d3!.key, 'sent', null],
        [d4!.key, 'pending', ours[3]!.claim],
        [d5!.key, 'pending', null],
      ]);
      expect(await logged.outbox.markAllSent(ours.slice(1, 3), { at: minutes(2) })).toBe(0);
    });

    it.runIf(target.name === 'postgresql')(
      'marks the successes of two claims sent in one statement, each row only under its own claim',
      async () => {
        const [d1, d2, d3] = [-3, -2, -1].map((m) => aDelivery({ dueAt: minutes(m) }));
        await fresh.db.outbox.write(deliveries(d1!, d2!, d3!));
        const first = await fresh.db.outbox.claimDue({ now: T0, limit: 1, leaseMs: LEASE });
        const second = await fresh.db.outbox.claimDue({ now: T0, limit: 2, leaseMs: LEASE });
        const stale = { ...second[1]!, claim: first[0]!.claim };

        logged.statements.length = 0;
        expect(await logged.outbox.markAllSent([first[0]!, second[0]!, stale], { at: minutes(1) })).toBe(2);

        expect(logged.statements).toHaveLength(1);
        expect((await states()).map((r) => [r.key, r.state, r.claim])).toEqual([
          [d1!.key, 'sent', null],
          [d2!.key, 'sent', null],
          [d3!.key, 'pending', second[1]!.claim],
        ]);
      },
    );
  });
}

/** An outbox repository on its own client that records every statement it sends. */
function useLoggingOutbox(url: () => string): { readonly outbox: OutboxRepository; statements: string[] } {
  const statements: string[] = [];
  let client: DbClient | undefined;
  let outbox: OutboxRepository | undefined;
  beforeAll(() => {
    const options = { adapter: adapterFactoryFor(url()), log: [{ emit: 'event' as const, level: 'query' as const }] };
    const record = (e: { query: string }) => void statements.push(e.query);
    if (providerOf(url()) === 'sqlite') {
      const sqlite = new SqliteClient(options);
      sqlite.$on('query', record);
      client = sqlite as unknown as DbClient;
    } else {
      const postgres = new PostgresClient(options);
      postgres.$on('query', record);
      client = postgres as unknown as DbClient;
    }
    outbox = createOutboxRepository(client, providerOf(url()));
  });
  afterAll(async () => {
    await client?.$disconnect();
  });
  return {
    get outbox() {
      if (!outbox) throw new Error('the logging outbox is only ready inside tests');
      return outbox;
    },
    statements,
  };
}
