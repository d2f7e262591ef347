import { beforeEach, expect, it } from 'vitest';
import type { NewDigestItem, OutboxWrites } from '../../../core/index';
import { aDelivery, aDigestItem, deliveries, minutes, systemAlert, T0 } from './outbox-fixtures';
import { useRawTables } from './raw-rows';
import { TARGETS, describeOn, useFreshDatabase, withClients } from './test-databases';

/**
 * Aggregation on a real database: "Any other value makes the system wait after an
 * event to occur, for the time set in the aggregation window. During this time, if
 * other related events occur, an aggregated notification with details of all such
 * events is sent in a single email" (seed, Configuring a Domain Notification Template).
 */
for (const target of TARGETS) {
  describeOn(target, 'OutboxRepository digests', () => {
    const fresh = useFreshDatabase(target);
    const raw = useRawTables(() => fresh.url);
    const outbox = () => fresh.db.outbox;
    const items = (...list: NewDigestItem[]): OutboxWrites => ({ deliveries: [], digestItems: list, escalations: [] });
    const claimedKeys = async () => (await outbox().claimDue({ now: minutes(60 * 24), limit: 100, leaseMs: 60_000 })).map((d) => d.key);

    beforeEach(() => raw.clearOutbox());

    it('lists the batches with something due, each with its earliest due time, earliest first, up to the limit', async () => {
      await outbox().write(
        items(
          aDigestItem('approvals', minutes(-35), 30), // due T0-5m
          aDigestItem('approvals', minutes(-20), 30), // due T0+10m
          aDigestItem('assignments', minutes(-9), 10), // due T0+1m: nothing due yet
          aDigestItem('shipping', minutes(-40), 30), // due T0-10m
          aDigestItem('shipping', minutes(-39), 30), // due T0-9m
        ),
      );
      expect(await outbox().dueDigestBatches(T0, 10)).toEqual([
        { batchKey: 'shipping', dueAt: minutes(-10) },
        { batchKey: 'approvals', dueAt: minutes(-5) },
      ]);
      expect(await outbox().dueDigestBatches(T0, 1)).toEqual([{ batchKey: 'shipping', dueAt: minutes(-10) }]);
      expect(await outbox().dueDigestBatches(minutes(-11), 10)).toEqual([]);
    });

    it('lists the items of a batch that occurred up to the end of its first window, oldest first, as written', async () => {
      const first = aDigestItem('approvals', minutes(-30), 30);
      const second = aDigestItem('approvals', minutes(-10), 30);
      const atTheEnd = aDigestItem('approvals', T0, 30);
      const afterTheWindow = aDigestItem('approvals', minutes(1), 30);
      const system: NewDigestItem = {
        batchKey: 'system:order-failure',
        subject: {
          kind: 'system',
          notice: {
            type: 'order-failure',
            occurredAt: minutes(-5).toISOString(),
            domain: 'acme-partner.example',
            orderNumber: 'WO-000042',
            summary: 'The backend refused the line',
          },
        },
        occurredAt: minutes(-5),
        dueAt: minutes(10),
      };
      await outbox().write(items(afterTheWindow, second, atTheEnd, first, system));

      const listed = await outbox().listDigestBatch('approvals', first.dueAt);
      expect(listed.map(({ id: _id, ...item }) => item)).toEqual([first, second, atTheEnd]);
      expect(new Set(listed.map((i) => i.id)).size).toBe(3);
      expect((await outbox().listDigestBatch('system:order-failure', minutes(10))).map(({ id: _id, ...item }) => item)).toEqual([system]);
    });

    it('settles a batch whose one-item digest is a notice already sent at once (a person in two groups): the stored key is skipped, the items go', async () => {
      const notice = aDelivery({ key: 'activity:act-9:v1:email:ann@acme.example' });
      await outbox().write(deliveries(notice));
      await outbox().write(items(aDigestItem('approvals', minutes(-40), 30)));
      const batch = await outbox().listDigestBatch('approvals', minutes(-10));
      expect(
        await outbox().settleDigestBatch(
          batch.map((i) => i.id),
          deliveries({ ...notice, content: systemAlert('the same key again') }, aDelivery({ key: 'digest:other' })),
        ),
      ).toBe(true);
      expect((await claimedKeys()).sort()).toEqual(['digest:other', notice.key].sort());
      expect(await outbox().dueDigestBatches(T0, 10)).toEqual([]);
    });

    it('settles a batch by removing its items and writing its digest in one step', async () => {
      await outbox().write(
        items(
          aDigestItem('approvals', minutes(-40), 30),
          aDigestItem('approvals', minutes(-35), 30),
          aDigestItem('approvals', minutes(-5), 30),
        ),
      );
      const batch = await outbox().listDigestBatch('approvals', minutes(-10));
      const digest = aDelivery({ key: 'digest:approvals:1' });

      expect(
        await outbox().settleDigestBatch(
          batch.map((i) => i.id),
          deliveries(digest),
        ),
      ).toBe(true);
      expect(await claimedKeys()).toEqual([digest.key]);
      expect((await outbox().listDigestBatch('approvals', minutes(60))).map((i) => i.occurredAt)).toEqual([minutes(-5)]);
      expect(await outbox().dueDigestBatches(T0, 10)).toEqual([]);
    });

    it('settles nothing, writing nothing, when one of the items was already taken', async () => {
      await outbox().write(items(aDigestItem('approvals', minutes(-40), 30), aDigestItem('approvals', minutes(-35), 30)));
      const [taken, left] = await outbox().listDigestBatch('approvals', T0);
      expect(await outbox().settleDigestBatch([taken!.id], deliveries(aDelivery({ key: 'digest:first' })))).toBe(true);

      expect(await outbox().settleDigestBatch([taken!.id, left!.id], deliveries(aDelivery({ key: 'digest:second' })))).toBe(false);
      expect(await claimedKeys()).toEqual(['digest:first']);
      expect(await outbox().listDigestBatch('approvals', T0)).toEqual([left]);
    });

    it('lets exactly one of two clients settling the same batch at once write its digest', async () => {
      const winners = await withClients(fresh.url, 2, async (dbs) => {
        const won: number[] = [];
        for (let round = 0; round < 10; round += 1) {
          await outbox().write(items(...Array.from({ length: 5 }, (_, i) => aDigestItem(`race-${round}`, minutes(-50 + i), 30))));
          const ids = (await outbox().listDigestBatch(`race-${round}`, T0)).map((i) => i.id);
          const settle = (c: number) =>
            dbs[c]!.outbox.settleDigestBatch(
              c ? [...ids].reverse() : ids,
              deliveries(aDelivery({ key: `digest:race-${round}:client-${c}` })),
            );
          won.push((await Promise.all([settle(0), settle(1)])).filter(Boolean).length);
        }
        return won;
      });
      expect(winners).toEqual(Array(10).fill(1));
      expect(await claimedKeys()).toHaveLength(10);
      expect(await raw.count('digest_items')).toBe(0);
    });
  });
}
