import { beforeEach, expect, it } from 'vitest';
import { aDelivery, deliveries, minutes, seconds, T0 } from './outbox-fixtures';
import { useRawTables } from './raw-rows';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

const LEASE = 30_000;

/** What the dispatcher's retries keep between attempts: when the first failure was, and whether the last outcome is unknown. */
for (const target of TARGETS) {
  describeOn(target, 'OutboxRepository retries', () => {
    const fresh = useFreshDatabase(target);
    const raw = useRawTables(() => fresh.url);
    const outbox = () => fresh.db.outbox;
    const claim = (now: Date) => outbox().claimDue({ now, limit: 50, leaseMs: LEASE });

    beforeEach(() => raw.clearOutbox());

    it('a retry whose outcome is unknown is claimed next time in doubt; one after a refusal is not', async () => {
      const [unknown, refused] = [aDelivery(), aDelivery()];
      await outbox().write(deliveries(unknown, refused));
      const claimed = await claim(T0);
      const byKey = (key: string) => claimed.find((d) => d.key === key)!;
      expect(
        await outbox().reschedule(byKey(unknown.key), {
          dueAt: seconds(5),
          error: 'timeout',
          countAttempt: true,
          retryFrom: T0,
          inDoubt: true,
        }),
      ).toBe(true);
      expect(
        await outbox().reschedule(byKey(refused.key), {
          dueAt: seconds(5),
          error: 'service_unavailable',
          countAttempt: true,
          retryFrom: T0,
          inDoubt: false,
        }),
      ).toBe(true);
      expect(await claim(seconds(4))).toEqual([]);
      const again = await claim(seconds(5));
      expect(again.map((d) => [d.key, d.inDoubt, d.attempts, d.retryFrom]).sort()).toEqual(
        [
          [unknown.key, true, 2, T0],
          [refused.key, false, 2, T0],
        ].sort(),
      );
    });

    it("the first failure time is kept across retries, and an administrator's retry of a dead delivery starts it afresh", async () => {
      const d = aDelivery();
      await outbox().write(deliveries(d));
      const [first] = await claim(T0);
      expect(first!.retryFrom).toBeNull();
      await outbox().reschedule(first!, { dueAt: minutes(1), error: 'x', countAttempt: true, retryFrom: T0 });
      const [second] = await claim(minutes(1));
      await outbox().reschedule(second!, { dueAt: minutes(2), error: 'x', countAttempt: true });
      const [third] = await claim(minutes(2));
      expect(third!.retryFrom).toEqual(T0);
      await outbox().markDead(third!, { at: minutes(2), error: 'x', alert: deliveries() });
      expect(await outbox().requeueDead(minutes(3))).toBe(1);
      const [requeued] = await claim(minutes(3));
      expect(requeued).toMatchObject({ attempts: 1, retryFrom: null, inDoubt: false });
    });
  });
}
