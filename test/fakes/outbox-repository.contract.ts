import { describe, expect, it } from 'vitest';
import type {
  ClaimedDelivery,
  DeliveryTarget,
  NewDelivery,
  NewDigestItem,
  NewEscalation,
  OutboxRepository,
  OutboxWrites,
  PostedMessage,
} from '../../core/index';

/**
 * What OutboxRepository promises (core/ports/outbox-repository.port.ts), through the
 * port only, so the in-memory outbox and adapters/db can run the same suite: every
 * settling call is conditional on the claim or the row still being there, so with
 * several bot processes each due item is handled once.
 */
export interface OutboxUnderTest {
  outbox: OutboxRepository;
  /** An activity stored next to the outbox (posted copies name it). */
  activityId: string;
  listPosted(activityId: string): Promise<PostedMessage[]>;
}

const T0 = new Date('2026-11-23T10:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const email = (address: string): DeliveryTarget => ({ channel: 'email', address, asUser: true, domain: 'acme.example' });
const delivery = (key: string, dueAt = T0, target = email('april@acme.example')): NewDelivery => ({
  key,
  target,
  content: { kind: 'system-alert', eventType: 'order-failure', events: [] },
  dueAt,
});
const writes = (w: Partial<OutboxWrites>): OutboxWrites => ({ deliveries: [], digestItems: [], escalations: [], ...w });
const LEASE = 60_000;
const claim = (outbox: OutboxRepository, now = T0, limit = 100) => outbox.claimDue({ now, limit, leaseMs: LEASE });
const keys = (claimed: ClaimedDelivery[]) => claimed.map((d) => d.key);

export function describeOutboxRepository(name: string, make: () => Promise<OutboxUnderTest>) {
  describe(`${name}: deliveries`, () => {
    it('a key is written once: a stored key, or one repeated in the same write, is skipped', async () => {
      const { outbox } = await make();
      expect(await outbox.write(writes({ deliveries: [delivery('a'), delivery('b'), delivery('a')] }))).toBe(2);
      expect(await outbox.write(writes({ deliveries: [delivery('a'), delivery('c')] }))).toBe(1);
      expect(keys(await claim(outbox)).sort()).toEqual(['a', 'b', 'c']);
    });

    it('claims what is due, oldest due first, up to the limit, counting the attempt', async () => {
      const { outbox } = await make();
      await outbox.write(
        writes({
          deliveries: [delivery('later', at(30)), delivery('second', at(5)), delivery('first', at(0)), delivery('future', at(3600))],
        }),
      );
      const claimed = await claim(outbox, at(60), 2);
      expect(keys(claimed)).toEqual(['first', 'second']);
      expect(claimed.map((d) => [d.attempts, d.state])).toEqual([
        [1, 'pending'],
        [1, 'pending'],
      ]);
      // The port lets one round's deliveries share a claim (adapters/db does): each is claimed, by one or more.
      expect(claimed.every((d) => d.claim)).toBe(true);
      expect(keys(await claim(outbox, at(60)))).toEqual(['later']);
    });

    it('a claimed delivery is not claimed again until its lease ends, then it is, with one more attempt', async () => {
      const { outbox } = await make();
      await outbox.write(writes({ deliveries: [delivery('a')] }));
      const [first] = await claim(outbox);
      expect(await claim(outbox, at(59))).toEqual([]);
      const [again] = await claim(outbox, at(60));
      expect(again).toMatchObject({ key: 'a', attempts: 2 });
      expect(again!.claim).not.toBe(first!.claim);
    });

    it('markSent settles it for good, with where the copy was posted; a second result is refused', async () => {
      const { outbox, activityId, listPosted } = await make();
      await outbox.write(writes({ deliveries: [delivery('a')] }));
      const [d] = await claim(outbox);
      const message = { platform: 'slack' as const, address: 'C1:1700000000.000100' };
      expect(await outbox.markSent(d!, { at: at(1), posted: { activityId, message } })).toBe(true);
      expect(await listPosted(activityId)).toEqual([message]);
      expect(await outbox.markSent(d!, { at: at(2) })).toBe(false);
      expect(await outbox.reschedule(d!, { dueAt: at(3), error: 'x', countAttempt: true })).toBe(false);
      expect(await claim(outbox, at(3600))).toEqual([]);
    });

    it('a result after the lease ran out and someone else claimed it is refused; theirs is written', async () => {
      const { outbox, activityId, listPosted } = await make();
      await outbox.write(writes({ deliveries: [delivery('a')] }));
      const [slow] = await claim(outbox);
      const [other] = await claim(outbox, at(61));
      expect(await outbox.markSent(slow!, { at: at(62), posted: { activityId, message: { platform: 'slack', address: 'slow' } } })).toBe(
        false,
      );
      expect(await outbox.markDead(slow!, { at: at(62), error: 'late', alert: writes({ deliveries: [delivery('alert')] }) })).toBe(false);
      expect(await listPosted(activityId)).toEqual([]);
      expect(await outbox.markSent(other!, { at: at(63) })).toBe(true);
      // Nothing the refused calls wrote is there: no alert to claim.
      expect(await claim(outbox, at(3600))).toEqual([]);
    });

    it('reschedule puts it off to its new due time; without countAttempt the attempt is given back', async () => {
      const { outbox } = await make();
      await outbox.write(writes({ deliveries: [delivery('tried'), delivery('held')] }));
      // Both are due at once, and the port orders only by due time: take each by its key.
      const claimed = await claim(outbox);
      const [tried, held] = ['tried', 'held'].map((key) => claimed.find((d) => d.key === key));
      expect(await outbox.reschedule(tried!, { dueAt: at(10), error: 'smtp 451', countAttempt: true })).toBe(true);
      expect(await outbox.reschedule(held!, { dueAt: at(20), error: null, countAttempt: false })).toBe(true);
      expect(await claim(outbox, at(9))).toEqual([]);
      expect((await claim(outbox, at(10))).map((d) => [d.key, d.attempts, d.lastError])).toEqual([['tried', 2, 'smtp 451']]);
      expect((await claim(outbox, at(20))).map((d) => [d.key, d.attempts])).toEqual([['held', 1]]);
    });

    it('markDead ends it and writes the alert with it', async () => {
      const { outbox } = await make();
      await outbox.write(writes({ deliveries: [delivery('a')] }));
      const [d] = await claim(outbox);
      expect(
        await outbox.markDead(d!, {
          at: at(1),
          error: 'mailbox unknown',
          alert: writes({ deliveries: [delivery('alert', at(1), email('ada@provbot.example'))] }),
        }),
      ).toBe(true);
      expect(keys(await claim(outbox, at(3600)))).toEqual(['alert']);
    });
  });

  describe(`${name}: digest batches`, () => {
    const item = (batchKey: string, activityId: string, occurredSeconds: number, windowSeconds = 1800): NewDigestItem => ({
      batchKey,
      subject: { kind: 'activity', activityId, domain: 'acme.example', group: 'Approval', eventType: 'Approval' },
      occurredAt: at(occurredSeconds),
      dueAt: at(occurredSeconds + windowSeconds),
    });

    it('a batch is due at its earliest due time; its items up to that time come oldest first', async () => {
      const { outbox } = await make();
      await outbox.write(
        writes({
          digestItems: [
            item('approvals', 'a2', 600),
            item('approvals', 'a1', 0),
            item('approvals', 'a3', 1900),
            item('assignments', 'b1', 100),
          ],
        }),
      );
      expect(await outbox.dueDigestBatches(at(1799), 10)).toEqual([]);
      expect(await outbox.dueDigestBatches(at(1800), 10)).toEqual([{ batchKey: 'approvals', dueAt: at(1800) }]);
      expect(await outbox.dueDigestBatches(at(1900), 10)).toEqual([
        { batchKey: 'approvals', dueAt: at(1800) },
        { batchKey: 'assignments', dueAt: at(1900) },
      ]);
      const batch = await outbox.listDigestBatch('approvals', at(1800));
      expect(batch.map((i) => i.subject.kind === 'activity' && i.subject.activityId)).toEqual(['a1', 'a2']);
    });

    it('settling removes the items and writes the digests; a second settle of them writes nothing', async () => {
      const { outbox } = await make();
      await outbox.write(
        writes({ digestItems: [item('approvals', 'a1', 0), item('approvals', 'a2', 60), item('approvals', 'late', 2000)] }),
      );
      const batch = await outbox.listDigestBatch('approvals', at(1800));
      const ids = batch.map((i) => i.id);
      expect(await outbox.settleDigestBatch(ids, writes({ deliveries: [delivery('digest-1')] }))).toBe(true);
      expect(await outbox.settleDigestBatch(ids, writes({ deliveries: [delivery('digest-2')] }))).toBe(false);
      expect(keys(await claim(outbox))).toEqual(['digest-1']);
      // The later event opens the next batch, due at the end of its own window.
      expect(await outbox.dueDigestBatches(at(3800), 10)).toEqual([{ batchKey: 'approvals', dueAt: at(3800) }]);
    });

    it('a settle naming one item already taken writes nothing and removes nothing', async () => {
      const { outbox } = await make();
      await outbox.write(writes({ digestItems: [item('approvals', 'a1', 0), item('approvals', 'a2', 60)] }));
      const [first, second] = await outbox.listDigestBatch('approvals', at(1800));
      expect(await outbox.settleDigestBatch([first!.id], writes({}))).toBe(true);
      expect(await outbox.settleDigestBatch([first!.id, second!.id], writes({ deliveries: [delivery('digest')] }))).toBe(false);
      expect(await claim(outbox)).toEqual([]);
      expect((await outbox.listDigestBatch('approvals', at(1800))).map((i) => i.id)).toEqual([second!.id]);
    });
  });

  describe(`${name}: escalations`, () => {
    const escalation = (activityId: string, dueSeconds: number): NewEscalation => ({
      activityId,
      domain: 'acme.example',
      windowMinutes: 60,
      dueAt: at(dueSeconds),
    });

    it('due escalations come earliest first; each fires once, writing its notices', async () => {
      const { outbox } = await make();
      await outbox.write(writes({ escalations: [escalation('late', 7200), escalation('second', 3700), escalation('first', 3600)] }));
      expect(await outbox.dueEscalations(at(3599), 10)).toEqual([]);
      const due = await outbox.dueEscalations(at(3700), 10);
      expect(due.map((e) => [e.activityId, e.windowMinutes])).toEqual([
        ['first', 60],
        ['second', 60],
      ]);
      expect(await outbox.fireEscalation(due[0]!.id, writes({ deliveries: [delivery('escalated')] }))).toBe(true);
      expect(await outbox.fireEscalation(due[0]!.id, writes({ deliveries: [delivery('twice')] }))).toBe(false);
      expect(keys(await claim(outbox))).toEqual(['escalated']);
      expect((await outbox.dueEscalations(at(3700), 10)).map((e) => e.activityId)).toEqual(['second']);
    });
  });
}
