import { beforeEach, expect, it } from 'vitest';
import type { ClaimedDelivery, PostedMessage } from '../../../core/index';
import { aDelivery, aDigestItem, deliveries, emailTo, minutes, seconds, systemAlert, T0 } from './outbox-fixtures';
import { aSubscriber, aWorkOrder, anActivity, placing, unique } from './fixtures';
import { useRawTables } from './raw-rows';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

const LEASE = 30_000;

/**
 * The outbox's deliveries on a real database: idempotent writes, claims with a lease,
 * and results written only while the claim is still ours (core/ports/outbox-repository.port.ts).
 */
for (const target of TARGETS) {
  describeOn(target, 'OutboxRepository deliveries', () => {
    const fresh = useFreshDatabase(target);
    const raw = useRawTables(() => fresh.url);
    const outbox = () => fresh.db.outbox;
    const claim = (now: Date, limit = 50) => outbox().claimDue({ now, limit, leaseMs: LEASE });
    const stored = async (id: string) =>
      (
        await raw.rows<{ state: string; attempts: number | bigint; claim: string | null; lastError: string | null }>(
          `SELECT "state", "attempts", "claim", "lastError" FROM "deliveries" WHERE "id" = '${id}'`,
        )
      ).map((r) => ({ ...r, attempts: Number(r.attempts) }))[0];

    beforeEach(() => raw.clearOutbox());

    it('skips a key already stored and counts only the deliveries it added', async () => {
      const [a, b, c] = [aDelivery(), aDelivery(), aDelivery()];
      expect(await outbox().write(deliveries(a, b))).toBe(2);
      expect(await outbox().write(deliveries({ ...b, content: systemAlert('second copy') }, c))).toBe(1);
      const claimed = await claim(T0);
      expect(claimed.map((d) => d.key).sort()).toEqual([a.key, b.key, c.key].sort());
      expect(claimed.find((d) => d.key === b.key)?.content).toEqual(b.content);
    });

    it('sums up what waits and what died, and sends dead deliveries again from their first attempt', async () => {
      const [due, later, doomed] = [aDelivery({ dueAt: minutes(-2) }), aDelivery({ dueAt: minutes(5) }), aDelivery({ dueAt: minutes(-3) })];
      await outbox().write(deliveries(doomed));
      const [d] = await claim(T0);
      expect(await outbox().markDead(d!, { at: T0, error: '550 no such mailbox', alert: deliveries() })).toBe(true);
      await outbox().write(deliveries(due, later));
      expect(await outbox().summary(T0)).toEqual({ pending: 2, due: 1, dead: 1, oldestDueAt: due.dueAt });

      expect(await outbox().requeueDead(minutes(1))).toBe(1);
      expect(await outbox().summary(minutes(1))).toEqual({ pending: 3, due: 2, dead: 0, oldestDueAt: due.dueAt });
      const again = (await claim(minutes(1))).find((c) => c.key === doomed.key);
      expect(again?.attempts).toBe(1);
      expect(await outbox().requeueDead(minutes(1))).toBe(0);
    });

    it('lists the dead the last tried first, up to a limit with the total, and sends one of them again by id', async () => {
      const [older, newer, alive] = [
        aDelivery({ dueAt: minutes(-9) }),
        aDelivery({ dueAt: minutes(-4) }),
        aDelivery({ dueAt: minutes(-1) }),
      ];
      await outbox().write(deliveries(older, newer, alive));
      const claimed = await claim(T0);
      for (const d of claimed.filter((c) => c.key !== alive.key))
        expect(await outbox().markDead(d, { at: T0, error: `550 for ${d.key}`, alert: deliveries() })).toBe(true);

      const listed = await outbox().listDead(1);
      expect(listed.total).toBe(2);
      expect(listed.deliveries).toEqual([
        expect.objectContaining({
          key: newer.key,
          state: 'dead',
          attempts: 1,
          lastError: `550 for ${newer.key}`,
          dueAt: newer.dueAt,
          target: newer.target,
          content: newer.content,
        }),
      ]);
      expect((await outbox().listDead(10)).deliveries.map((d) => d.key)).toEqual([newer.key, older.key]);

      const olderId = claimed.find((c) => c.key === older.key)!.id;
      const aliveId = claimed.find((c) => c.key === alive.key)!.id;
      expect(await outbox().requeueDead(minutes(1), aliveId)).toBe(0);
      expect(await outbox().requeueDead(minutes(1), 'no-such-id')).toBe(0);
      expect(await outbox().requeueDead(minutes(1), olderId)).toBe(1);
      expect(await stored(olderId)).toMatchObject({ state: 'pending', attempts: 0, claim: null });
      expect((await outbox().listDead(10)).deliveries.map((d) => d.key)).toEqual([newer.key]);
      expect(await outbox().findDelivery(aliveId)).toMatchObject({ key: alive.key, state: 'pending' });
      expect(await outbox().findDelivery('no-such-id')).toBeNull();
    });

    it('marks a delivery in doubt when its last claim ran out unreleased, and not after a recorded retry', async () => {
      const [died, retried] = [aDelivery({ dueAt: minutes(-2) }), aDelivery({ dueAt: minutes(-1) })];
      await outbox().write(deliveries(died, retried));
      const first = await claim(T0);
      expect(first.map((c) => c.inDoubt)).toEqual([false, false]);
      expect(await outbox().reschedule(first[1]!, { dueAt: T0, error: '451 try later', countAttempt: true })).toBe(true);
      const again = await claim(new Date(T0.getTime() + LEASE));
      expect(again.map((c) => [c.key, c.inDoubt])).toEqual([
        [died.key, true],
        [retried.key, false],
      ]);
    });

    it('stores a key repeated in one write once, as first given', async () => {
      const first = aDelivery();
      expect(await outbox().write(deliveries(first, { ...first, content: systemAlert('repeat') }))).toBe(1);
      expect((await claim(T0)).map((d) => d.content)).toEqual([first.content]);
    });

    it('writes the digest items and escalations given with the deliveries', async () => {
      const item = aDigestItem('batch-w', minutes(-30), 10);
      expect(
        await outbox().write({
          deliveries: [],
          digestItems: [item],
          escalations: [{ activityId: 'act-w', domain: 'acme-partner.example', windowMinutes: 5, dueAt: T0 }],
        }),
      ).toBe(0);
      expect(await outbox().dueDigestBatches(T0, 10)).toEqual([{ batchKey: 'batch-w', dueAt: item.dueAt }]);
      expect((await outbox().dueEscalations(T0, 10)).map((e) => e.activityId)).toEqual(['act-w']);
    });

    it('claims only pending, due, unclaimed deliveries, oldest due first, up to the limit, counting the attempt', async () => {
      const [late, early, middle, future] = [
        aDelivery({ dueAt: minutes(-1) }),
        aDelivery({ dueAt: minutes(-3) }),
        aDelivery({ dueAt: minutes(-2) }),
        aDelivery({ dueAt: minutes(1) }),
      ];
      const [sent, dead] = [aDelivery({ dueAt: minutes(-10) }), aDelivery({ dueAt: minutes(-9) })];
      await outbox().write(deliveries(sent, dead));
      const [s, d] = await claim(minutes(-5));
      expect(await outbox().markSent(s!, { at: minutes(-5) })).toBe(true);
      expect(await outbox().markDead(d!, { at: minutes(-5), error: 'gave up', alert: deliveries() })).toBe(true);
      await outbox().write(deliveries(late, early, middle, future));

      const firstTwo = await claim(T0, 2);
      expect(firstTwo.map((c) => c.key)).toEqual([early.key, middle.key]);
      expect(firstTwo.map((c) => c.attempts)).toEqual([1, 1]);
      expect(firstTwo[0]).toMatchObject({
        state: 'pending',
        target: early.target,
        content: early.content,
        dueAt: early.dueAt,
        lastError: null,
      });
      expect(new Set(firstTwo.map((c) => c.claim)).size).toBe(1);
      expect((await claim(T0)).map((c) => c.key)).toEqual([late.key]);
      expect(await claim(T0)).toEqual([]);
    });

    it('gives a claimed delivery to nobody else while the lease runs, and again once it has run out, as a second attempt', async () => {
      const d = aDelivery();
      await outbox().write(deliveries(d));
      const [first] = await claim(T0);
      expect(await claim(seconds(29))).toEqual([]);
      const [second] = await claim(new Date(T0.getTime() + LEASE));
      expect(second).toMatchObject({ key: d.key, attempts: 2 });
      expect(second!.claim).not.toBe(first!.claim);
    });

    it('refuses every result of a claim whose lease ran out and that another claim took, and changes nothing', async () => {
      await outbox().write(deliveries(aDelivery()));
      const [stale] = await claim(T0);
      const [current] = await claim(seconds(31));
      const alert = aDelivery({ content: systemAlert('should not be written') });

      expect(await outbox().markSent(stale!, { at: seconds(32) })).toBe(false);
      expect(await outbox().reschedule(stale!, { dueAt: minutes(5), error: 'late', countAttempt: true })).toBe(false);
      expect(await outbox().markDead(stale!, { at: seconds(32), error: 'late', alert: deliveries(alert) })).toBe(false);
      expect(await stored(current!.id)).toEqual({ state: 'pending', attempts: 2, claim: current!.claim, lastError: null });
      expect(await raw.count('deliveries')).toBe(1);

      expect(await outbox().markSent(current!, { at: seconds(33) })).toBe(true);
      expect(await stored(current!.id)).toEqual({ state: 'sent', attempts: 2, claim: null, lastError: null });
      expect(await outbox().markSent(current!, { at: seconds(34) })).toBe(false);
      expect(await claim(minutes(60))).toEqual([]);
    });

    it('records a result of an expired claim that nobody took since (the notice did go out)', async () => {
      await outbox().write(deliveries(aDelivery()));
      const [slow] = await claim(T0);
      expect(await outbox().markSent(slow!, { at: minutes(5) })).toBe(true);
      expect(await claim(minutes(5))).toEqual([]);
    });

    it('stores where an activity was posted with the sent result, and not when the result is refused', async () => {
      const subscriber = aSubscriber();
      const order = aWorkOrder({ subscriberLogin: subscriber.login });
      const activity = anActivity(order.number);
      await fresh.db.subscribers.upsert(subscriber);
      expect(await fresh.db.workOrders.commit(placing(order, activity))).toBe(true);
      const message: PostedMessage = { platform: 'slack', address: 'C0PROV:1767261600.000100' };
      await outbox().write(
        deliveries(
          aDelivery({
            target: { channel: 'chat', platform: 'slack', to: { kind: 'conversation', address: 'C0PROV', label: '#provisioning' } },
          }),
        ),
      );

      const [stale] = await claim(T0);
      const [current] = await claim(minutes(1));
      expect(
        await outbox().markSent(stale!, {
          at: minutes(1),
          posted: { activityId: activity.id, message: { ...message, address: 'C0PROV:stale' } },
        }),
      ).toBe(false);
      expect(await fresh.db.workOrders.listPostedMessages(activity.id)).toEqual([]);

      expect(await outbox().markSent(current!, { at: minutes(1), posted: { activityId: activity.id, message } })).toBe(true);
      expect(await fresh.db.workOrders.listPostedMessages(activity.id)).toEqual([message]);
      expect((await stored(current!.id))?.state).toBe('sent');
    });

    it('keeps a delivery claimed and unsent when where it was posted cannot be stored (the two go together)', async () => {
      await outbox().write(deliveries(aDelivery()));
      const [claimed] = await claim(T0);
      const posted = { activityId: 'act-that-does-not-exist', message: { platform: 'teams' as const, address: 'conversation-ref' } };

      await expect(outbox().markSent(claimed!, { at: T0, posted })).rejects.toThrow();
      expect(await stored(claimed!.id)).toEqual({ state: 'pending', attempts: 1, claim: claimed!.claim, lastError: null });
    });

    it('puts a delivery off to its new due time; held back by a rate limit, it gets its attempt back', async () => {
      await outbox().write(deliveries(aDelivery()));
      const [tried] = await claim(T0);
      expect(await outbox().reschedule(tried!, { dueAt: minutes(1), error: 'SMTP 451 try later', countAttempt: true })).toBe(true);
      expect(await claim(seconds(59))).toEqual([]);

      const [again] = await claim(minutes(1));
      expect(again).toMatchObject({ attempts: 2, lastError: 'SMTP 451 try later', dueAt: minutes(1) });
      expect(await outbox().reschedule(again!, { dueAt: minutes(2), error: null, countAttempt: false })).toBe(true);

      const [third] = await claim(minutes(2));
      expect(third).toMatchObject({ attempts: 2, lastError: 'SMTP 451 try later' });
    });

    it('dead-letters a delivery and writes the administrators’ alert in the same step', async () => {
      const failing = aDelivery({ target: emailTo('gone@customer.example') });
      await outbox().write(deliveries(failing));
      const [claimed] = await claim(T0);
      const alert = aDelivery({ key: `alert:${failing.key}`, content: systemAlert('could not deliver to gone@customer.example') });
      const batched = aDigestItem('system:delivery-failure', T0, 15);

      expect(
        await outbox().markDead(claimed!, {
          at: T0,
          error: '550 no such user',
          alert: { deliveries: [alert], digestItems: [batched], escalations: [] },
        }),
      ).toBe(true);
      expect(await stored(claimed!.id)).toEqual({ state: 'dead', attempts: 1, claim: null, lastError: '550 no such user' });
      const next: ClaimedDelivery[] = await claim(minutes(60));
      expect(next.map((d) => [d.key, d.content])).toEqual([[alert.key, alert.content]]);
      expect(await outbox().dueDigestBatches(minutes(15), 10)).toEqual([{ batchKey: 'system:delivery-failure', dueAt: minutes(15) }]);
    });

    it('leaves a delivery pending when its alert cannot be written (the two go together)', async () => {
      await outbox().write(deliveries(aDelivery()));
      const [claimed] = await claim(T0);
      // An alert the database refuses (no valid due time): the dead-lettering rolls back with it.
      const unwritable = {
        deliveries: [],
        digestItems: [],
        escalations: [{ activityId: 'act-x', domain: 'acme-partner.example', windowMinutes: 5, dueAt: new Date(Number.NaN) }],
      };
      await expect(outbox().markDead(claimed!, { at: T0, error: 'gave up', alert: unwritable })).rejects.toThrow();
      expect(await stored(claimed!.id)).toEqual({ state: 'pending', attempts: 1, claim: claimed!.claim, lastError: null });
    });

    it('skips an alert whose key is already stored, and dead-letters the delivery all the same', async () => {
      const earlierAlert = aDelivery({ key: `alert:${unique()}`, dueAt: minutes(60) });
      await outbox().write(deliveries(earlierAlert, aDelivery()));
      const [claimed] = await claim(T0);
      expect(await outbox().markDead(claimed!, { at: T0, error: 'gave up', alert: deliveries({ ...earlierAlert, dueAt: T0 }) })).toBe(true);
      expect(await stored(claimed!.id)).toMatchObject({ state: 'dead', lastError: 'gave up' });
    });
  });
}
