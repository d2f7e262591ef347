import { describe, expect, it } from 'vitest';
import { InMemoryOutbox } from './in-memory-outbox';
import { InMemorySubscribers, InMemoryWorkOrders, anInitialOrder } from './in-memory-workflow';
import { describeOutboxRepository } from './outbox-repository.contract';
import { describeOutboxRelease } from './outbox-release.contract';

describeOutboxRepository('InMemoryOutbox', async () => {
  const workOrders = new InMemoryWorkOrders(new InMemorySubscribers());
  return { outbox: workOrders.outbox, activityId: 'act-1', listPosted: (id) => workOrders.listPostedMessages(id) };
});

describe('InMemoryWorkOrders.commit and the outbox', () => {
  const target = { channel: 'email' as const, address: 'april@acme.example', asUser: true, domain: 'acme.example' };
  const at = new Date('2026-11-23T10:00:00Z');
  const notices = (o: { keys?: string[]; escalate?: string[]; cancel?: string[] }) => ({
    deliveries: (o.keys ?? []).map((key) => ({
      key,
      target,
      content: { kind: 'activity' as const, activityId: 'act-1', escalatedAfterMinutes: null },
      dueAt: at,
    })),
    digestItems: [],
    escalations: (o.escalate ?? []).map((activityId) => ({
      activityId,
      domain: 'acme.example',
      windowMinutes: 60,
      dueAt: new Date(at.getTime() + 3_600_000),
    })),
    cancelEscalationsFor: o.cancel ?? [],
  });

  it('a commit writes its notices; a delivery key already stored is skipped; a refused commit writes none', async () => {
    const workOrders = new InMemoryWorkOrders(new InMemorySubscribers());
    const order = anInitialOrder({ version: 1 });
    expect(
      await workOrders.commit({
        order: { expectedVersion: null, next: order },
        activities: [],
        notices: notices({ keys: ['k1'], escalate: ['act-1'] }),
      }),
    ).toBe(true);
    expect(
      await workOrders.commit({
        order: { expectedVersion: 1, next: { ...order, version: 2 } },
        activities: [],
        notices: notices({ keys: ['k1', 'k2'] }),
      }),
    ).toBe(true);
    expect(
      await workOrders.commit({
        order: { expectedVersion: 1, next: { ...order, version: 3 } },
        activities: [],
        notices: notices({ keys: ['k3'], escalate: ['act-9'] }),
      }),
    ).toBe(false);
    expect(workOrders.outbox.deliveries.map((d) => d.key)).toEqual(['k1', 'k2']);
    expect(workOrders.outbox.escalations.map((e) => e.activityId)).toEqual(['act-1']);
  });

  it("escalations of the activities acted on are deleted before the step's own are added: a delegation restarts its escalation", async () => {
    const workOrders = new InMemoryWorkOrders(new InMemorySubscribers());
    const order = anInitialOrder({ version: 1 });
    await workOrders.commit({
      order: { expectedVersion: null, next: order },
      activities: [],
      notices: notices({ escalate: ['act-1', 'act-2'] }),
    });
    const before = workOrders.outbox.escalations.find((e) => e.activityId === 'act-1')!;
    await workOrders.commit({
      order: { expectedVersion: 1, next: { ...order, version: 2 } },
      activities: [],
      notices: notices({ escalate: ['act-1'], cancel: ['act-1'] }),
    });
    const after = workOrders.outbox.escalations;
    expect(after.map((e) => e.activityId).sort()).toEqual(['act-1', 'act-2']);
    expect(after.find((e) => e.activityId === 'act-1')!.id).not.toBe(before.id);
  });

  it('sent deliveries stay inspectable with their state', async () => {
    const outbox = new InMemoryOutbox();
    await outbox.write({ deliveries: notices({ keys: ['k1'] }).deliveries, digestItems: [], escalations: [] });
    const [d] = await outbox.claimDue({ now: at, limit: 10, leaseMs: 1000 });
    await outbox.markSent(d!, { at });
    expect(outbox.findByKey('k1')).toMatchObject({ state: 'sent', attempts: 1, settledAt: at, claim: null });
  });
});

describeOutboxRelease('InMemoryOutbox', async () => new InMemoryOutbox());
