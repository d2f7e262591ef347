import { beforeEach, describe, expect, it } from 'vitest';
import type { Activity, NewEscalation, OutboxWrites, StepNotices, WorkOrder } from '../../../core/index';
import { aDelivery, aDigestItem, anEscalation, deliveries, minutes, T0 } from './outbox-fixtures';
import { aSubscriber, aWorkOrder, anActivity, placing } from './fixtures';
import { useRawTables } from './raw-rows';
import { TARGETS, describeOn, useFreshDatabase, withClients } from './test-databases';

/**
 * Escalations on a real database: "an email to the system administrators after the
 * time specified if no action was taken for the triggering event" (seed, Configuring a
 * Domain Notification Template), fired once, and cancelled by the action itself.
 */
for (const target of TARGETS) {
  describeOn(target, 'OutboxRepository escalations', () => {
    const fresh = useFreshDatabase(target);
    const raw = useRawTables(() => fresh.url);
    const outbox = () => fresh.db.outbox;
    const escalations = (...list: NewEscalation[]): OutboxWrites => ({ deliveries: [], digestItems: [], escalations: list });
    const due = async (now = minutes(60 * 24)) => (await outbox().dueEscalations(now, 100)).map((e) => e.activityId);
    const claimedKeys = async () => (await outbox().claimDue({ now: minutes(60 * 24), limit: 100, leaseMs: 60_000 })).map((d) => d.key);

    beforeEach(() => raw.clearOutbox());

    it('reads only the escalations due, earliest first, up to the limit, as written', async () => {
      const [later, earliest, notYet] = [
        anEscalation({ dueAt: minutes(-1) }),
        anEscalation({ dueAt: minutes(-30), windowMinutes: 240 }),
        anEscalation({ dueAt: minutes(1) }),
      ];
      await outbox().write(escalations(later, notYet, earliest));

      const read = await outbox().dueEscalations(T0, 10);
      expect(read.map(({ id: _id, ...e }) => e)).toEqual([earliest, later]);
      expect((await outbox().dueEscalations(T0, 1)).map((e) => e.activityId)).toEqual([earliest.activityId]);
    });

    it('fires an escalation once: its notices are written the first time, and nothing the second', async () => {
      await outbox().write(escalations(anEscalation()));
      const [escalation] = await outbox().dueEscalations(T0, 10);

      expect(await outbox().fireEscalation(escalation!.id, deliveries(aDelivery({ key: 'escalate:first' })))).toBe(true);
      expect(await outbox().fireEscalation(escalation!.id, deliveries(aDelivery({ key: 'escalate:second' })))).toBe(false);
      expect(await claimedKeys()).toEqual(['escalate:first']);
      expect(await due()).toEqual([]);
    });

    it('lets exactly one of two clients firing the same escalation at once write its notices', async () => {
      await outbox().write(
        escalations(...Array.from({ length: 20 }, (_, i) => anEscalation({ activityId: `act-race-${i}`, dueAt: minutes(-i) }))),
      );
      const toFire = await outbox().dueEscalations(T0, 100);
      const won = await withClients(fresh.url, 2, (dbs) =>
        Promise.all(
          toFire.map(
            async (e) =>
              (
                await Promise.all(
                  dbs.map((db, c) => db.outbox.fireEscalation(e.id, deliveries(aDelivery({ key: `escalate:${e.activityId}:${c}` })))),
                )
              ).filter(Boolean).length,
          ),
        ),
      );
      expect(won).toEqual(Array(20).fill(1));
      expect(await claimedKeys()).toHaveLength(20);
    });

    describe('written by a workflow commit', () => {
      const subscriber = aSubscriber();
      const placed = async (): Promise<{ order: WorkOrder; activity: Activity }> => {
        await fresh.db.subscribers.upsert(subscriber);
        const order = aWorkOrder({ subscriberLogin: subscriber.login });
        const activity = anActivity(order.number);
        expect(await fresh.db.workOrders.commit(placing(order, activity))).toBe(true);
        return { order, activity };
      };
      const decide = (order: WorkOrder, activity: Activity, expectedVersion: number, notices: StepNotices) =>
        fresh.db.workOrders.commit({
          order: { expectedVersion, next: { ...order, state: 'Hold', version: expectedVersion + 1 } },
          activities: [
            {
              expectedVersion: 1,
              next: {
                ...activity,
                status: 'Done',
                decidedBy: { name: 'Ada', email: 'ada@acme-partner.example', channel: 'slack' },
                decidedAt: T0,
                version: 2,
              },
            },
          ],
          notices,
        });

      it('deletes the escalation of an activity acted on, in the commit, and writes the step’s own notices', async () => {
        const { order, activity } = await placed();
        const other = anEscalation();
        await outbox().write(escalations(anEscalation({ activityId: activity.id }), other));
        const notices: StepNotices = {
          cancelEscalationsFor: [activity.id],
          deliveries: [aDelivery({ key: `update:${activity.id}:v2` })],
          digestItems: [aDigestItem('approvals', T0, 30)],
          escalations: [anEscalation({ activityId: 'act-next', dueAt: minutes(120) })],
        };

        expect(await decide(order, activity, 1, notices)).toBe(true);
        expect(await due()).toEqual([other.activityId, 'act-next']);
        expect(await claimedKeys()).toEqual([`update:${activity.id}:v2`]);
        expect(await outbox().dueDigestBatches(minutes(30), 10)).toEqual([{ batchKey: 'approvals', dueAt: minutes(30) }]);
      });

      it('writes no notice and cancels nothing when the commit’s version check fails', async () => {
        const { order, activity } = await placed();
        await outbox().write(escalations(anEscalation({ activityId: activity.id })));
        const notices: StepNotices = {
          cancelEscalationsFor: [activity.id],
          deliveries: [aDelivery({ key: 'lost-step' })],
          digestItems: [aDigestItem('approvals', T0, 30)],
          escalations: [anEscalation({ activityId: 'act-lost' })],
        };

        expect(await decide(order, activity, 7, notices)).toBe(false);
        expect(await due()).toEqual([activity.id]);
        expect(await raw.count('deliveries')).toBe(0);
        expect(await raw.count('digest_items')).toBe(0);
      });

      it('keeps the step and its cancellation out when one of its notices cannot be written', async () => {
        const { order, activity } = await placed();
        await outbox().write({ deliveries: [], digestItems: [], escalations: [anEscalation({ activityId: activity.id })] });
        // A notice the database refuses (no valid due time): the step does not happen without it.
        const unwritable = anEscalation({ activityId: activity.id, dueAt: new Date(Number.NaN) });
        const notices: StepNotices = {
          cancelEscalationsFor: [activity.id],
          deliveries: [aDelivery()],
          digestItems: [aDigestItem('approvals', T0, 30)],
          escalations: [unwritable],
        };

        await expect(decide(order, activity, 1, notices)).rejects.toThrow();
        expect((await fresh.db.workOrders.findByNumber(order.number))?.version).toBe(1);
        expect((await fresh.db.workOrders.findActivity(activity.id))?.status).toBe('Open');
        expect(await due()).toEqual([activity.id]);
        expect(await raw.count('digest_items')).toBe(0);
      });
    });
  });
}
