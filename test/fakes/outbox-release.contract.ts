import { describe, expect, it } from 'vitest';
import type { ClaimedDelivery, DeliveryTarget, NewDelivery, OutboxRepository } from '../../core/index';

/**
 * What OutboxRepository.release promises (core/ports/outbox-repository.port.ts), through
 * the port only, so the in-memory outbox and adapters/db on SQLite and PostgreSQL run
 * the same suite: a stopping process hands back what it claimed and will not send, and
 * another claims it at once, not after the lease. `make` gives an empty outbox.
 */
const T0 = new Date('2026-11-23T10:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const LEASE = 60_000;
const email = (address: string): DeliveryTarget => ({ channel: 'email', address, asUser: true, domain: 'acme.example' });

export function describeOutboxRelease(name: string, make: () => Promise<OutboxRepository>) {
  describe(`${name}: handing claims back`, () => {
    // Keys unique per test: a database suite shares one outbox between its tests.
    const delivery = (key: string, dueAt = T0): NewDelivery => ({
      key: `${key}-${Math.random().toString(36).slice(2, 8)}`,
      target: email(`${key}@acme.example`),
      content: { kind: 'system-alert', eventType: 'order-failure', events: [] },
      dueAt,
    });
    const write = (outbox: OutboxRepository, ...list: NewDelivery[]) =>
      outbox.write({ deliveries: list, digestItems: [], escalations: [] });
    const claim = (outbox: OutboxRepository, now: Date) => outbox.claimDue({ now, limit: 100, leaseMs: LEASE });
    const summary = (claimed: ClaimedDelivery[]) => claimed.map((d) => [d.key, d.attempts, d.inDoubt]);

    it('released deliveries are claimed again at once, in their place in line, with the attempt given back', async () => {
      const outbox = await make();
      const [first, second, third] = [delivery('first', at(0)), delivery('second', at(1)), delivery('third', at(2))];
      await write(outbox, third, first, second);
      const claimed = await claim(outbox, at(5));
      expect(await outbox.release(claimed.slice(1))).toBe(2);
      // One second later, far inside the lease: only the one still claimed is not taken.
      expect(summary(await claim(outbox, at(6)))).toEqual([
        [second.key, 1, false],
        [third.key, 1, false],
      ]);
    });

    it('a claim no longer ours is not released: the result of whoever holds it now stands', async () => {
      const outbox = await make();
      const [late, sent] = [delivery('late'), delivery('sent')];
      await write(outbox, late, sent);
      const mine = await claim(outbox, at(0));
      const theirs = await claim(outbox, at(61));
      const theirSent = theirs.find((d) => d.key === sent.key)!;
      expect(await outbox.markSent(theirSent, { at: at(62) })).toBe(true);
      expect(await outbox.release(mine)).toBe(0);
      // Theirs is still theirs: not due for anyone else until their lease ends.
      expect(await claim(outbox, at(63))).toEqual([]);
      expect(summary(await claim(outbox, at(61 + 60)))).toEqual([[late.key, 3, true]]);
    });

    it('a released claim can no longer record a result, so nothing is settled twice', async () => {
      const outbox = await make();
      await write(outbox, delivery('a'));
      const [mine] = await claim(outbox, at(0));
      expect(await outbox.release([mine!])).toBe(1);
      const [next] = await claim(outbox, at(1));
      expect(await outbox.markSent(mine!, { at: at(2) })).toBe(false);
      expect(await outbox.markSent(next!, { at: at(2) })).toBe(true);
      expect(await claim(outbox, at(3600))).toEqual([]);
    });

    it('one claimed in doubt (its last sender may have sent it) is handed back still in doubt', async () => {
      const outbox = await make();
      const d = delivery('doubt');
      await write(outbox, d);
      const [tried] = await claim(outbox, at(0));
      await outbox.reschedule(tried!, { dueAt: at(1), error: 'timed out', countAttempt: true, inDoubt: true });
      const [again] = await claim(outbox, at(1));
      expect(again?.inDoubt).toBe(true);
      expect(await outbox.release([again!])).toBe(1);
      expect(summary(await claim(outbox, at(2)))).toEqual([[d.key, 2, true]]);
    });

    it('nothing to release is a no-op', async () => {
      const outbox = await make();
      expect(await outbox.release([])).toBe(0);
    });
  });
}
