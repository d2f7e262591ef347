import { describe, expect, it } from 'vitest';
import { createCore } from '../index';
import { TEST_DELIVERY_POLICY, workflowHarness } from '../../test/fakes/core-harness';
import { CHANNEL, dispatcher, OPS } from '../../test/fakes/dispatch-harness';
import type { SystemNotice } from './delivery';

const summaries = (notices: { notice: { kind: string } & Partial<{ events: SystemNotice[] }> }[]) =>
  notices.map((n) => n.notice.events?.map((e) => e.summary).join());

describe('dispatchDeliveries: failures and retries', () => {
  it('a failing email is retried with growing delays, goes out once it can, and is sent once', async () => {
    const { core, deps, write, stored, msFromNow } = await dispatcher();
    await write('a', OPS);
    deps.email.failWith = 'SMTP 451 try again later';
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await core.dispatchDeliveries()).toMatchObject({ sent: 0, retried: 1 });
      const d = stored('a');
      expect(d).toMatchObject({ state: 'pending', attempts: attempt, lastError: 'SMTP 451 try again later' });
      delays.push(msFromNow(d.dueAt));
      // Nothing is tried before it is due.
      deps.clock.advanceMs(msFromNow(d.dueAt) - 1);
      expect(await core.dispatchDeliveries()).toMatchObject({ sent: 0, retried: 0 });
      deps.clock.advanceMs(1);
      if (attempt === 3) deps.email.failWith = null;
    }
    // Attempt n waits a random time up to 1 s·2^(n-1) (full jitter); a failure that
    // may have reached the far side waits at least the base delay (1 s).
    expect(delays[0]).toBe(1_000);
    expect(delays[1]).toBeGreaterThanOrEqual(1_000);
    expect(delays[1]).toBeLessThanOrEqual(2_000);
    expect(delays[2]).toBeGreaterThanOrEqual(1_000);
    expect(delays[2]).toBeLessThanOrEqual(4_000);

    expect(await core.dispatchDeliveries()).toMatchObject({ sent: 1 });
    expect(stored('a')).toMatchObject({ state: 'sent', attempts: 4 });
    deps.clock.advanceMinutes(60);
    await core.dispatchDeliveries();
    expect(deps.email.notices.map((n) => [n.to, n.idempotencyKey])).toEqual([['ops@partner.example', 'a']]);
  });

  it('a permanent refusal is dead at once, after one attempt', async () => {
    const { core, deps, slack, write, stored } = await dispatcher();
    await write('a', CHANNEL);
    slack.refuseNext(1, { permanent: true }, 'channel_not_found');
    expect(await core.dispatchDeliveries()).toMatchObject({ dead: 1, retried: 0 });
    expect(stored('a')).toMatchObject({ state: 'dead', attempts: 1, lastError: 'channel_not_found' });
    await core.dispatchDeliveries();
    expect(deps.email.notices.map((n) => [n.to, n.notice.kind])).toEqual([['ada@provbot.example', 'system-alert']]);
  });

  it('a rate-limited destination waits as long as it was told, without counting an attempt, and so does what queues behind it', async () => {
    const { core, deps, slack, write, stored, msFromNow } = await dispatcher();
    await write('first', CHANNEL);
    await write('second', CHANNEL);
    slack.refuseNext(1, { retryAfterMs: 30_000 }, 'ratelimited');
    expect(await core.dispatchDeliveries()).toMatchObject({ sent: 0, held: 2, retried: 0 });
    expect([stored('first'), stored('second')].map((d) => [msFromNow(d.dueAt), d.attempts, d.state])).toEqual([
      [30_000, 0, 'pending'],
      [30_000, 0, 'pending'],
    ]);
    expect(stored('first').lastError).toBe('ratelimited');
    expect(slack.notices).toEqual([]);

    deps.clock.advanceMs(30_000);
    expect(await core.dispatchDeliveries()).toMatchObject({ sent: 2 });
    expect(summaries(slack.notices)).toEqual(['failure first', 'failure second']);
    expect(stored('first').attempts).toBe(1);
  });
});

describe('dispatchDeliveries: pacing and claims', () => {
  it('a Slack channel gets at most 3 at once, then one a second, in order ("1 message per second per channel, allowing for short bursts")', async () => {
    const { core, deps, slack, write, stored } = await dispatcher();
    for (const key of ['n1', 'n2', 'n3', 'n4', 'n5']) await write(key, CHANNEL);
    expect(await core.dispatchDeliveries()).toMatchObject({ sent: 3, held: 2 });
    expect(summaries(slack.notices)).toEqual(['failure n1', 'failure n2', 'failure n3']);
    deps.clock.advanceMs(999);
    expect(await core.dispatchDeliveries()).toMatchObject({ sent: 0 });
    deps.clock.advanceMs(1);
    expect(await core.dispatchDeliveries()).toMatchObject({ sent: 1, held: 1 });
    deps.clock.advanceMs(1_000);
    expect(await core.dispatchDeliveries()).toMatchObject({ sent: 1, held: 0 });
    expect(summaries(slack.notices)).toEqual(['failure n1', 'failure n2', 'failure n3', 'failure n4', 'failure n5']);
    // Held back, never tried: one attempt each.
    expect(stored('n5').attempts).toBe(1);
  });

  it('the pacing is per destination: an email and another channel are not held by a busy one', async () => {
    const { core, deps, slack, write } = await dispatcher();
    for (const key of ['n1', 'n2', 'n3', 'n4']) await write(key, CHANNEL);
    await write('other', { channel: 'chat', platform: 'slack', to: { kind: 'conversation', address: 'C0OTHER', label: '#other' } });
    await write('mail', OPS);
    expect(await core.dispatchDeliveries()).toMatchObject({ sent: 5, held: 1 });
    expect(summaries(slack.notices).sort()).toEqual(['failure n1', 'failure n2', 'failure n3', 'failure other']);
    expect(deps.email.notices).toHaveLength(1);
  });

  it('a delivery another process claimed is left alone until its lease ends, then sent once; the late process cannot record it', async () => {
    const { core, deps, write, stored } = await dispatcher();
    await write('a', OPS);
    const [theirs] = await deps.outbox.claimDue({ now: deps.clock.now(), limit: 10, leaseMs: TEST_DELIVERY_POLICY.leaseMs });
    expect(await core.dispatchDeliveries()).toMatchObject({ sent: 0 });
    deps.clock.advanceMs(TEST_DELIVERY_POLICY.leaseMs - 1);
    expect(await core.dispatchDeliveries()).toMatchObject({ sent: 0 });
    deps.clock.advanceMs(1);
    expect(await core.dispatchDeliveries()).toMatchObject({ sent: 1 });
    expect(await deps.outbox.markSent(theirs!, { at: deps.clock.now() })).toBe(false);
    expect(stored('a')).toMatchObject({ state: 'sent', attempts: 2 });
    expect(deps.email.notices).toHaveLength(1);
  });

  it('tells the notifier when the last attempt may have gone out (its process died mid-send), and not after a refusal', async () => {
    const { core, deps, slack, write } = await dispatcher();
    await write('died', CHANNEL);
    await write('retried', { ...CHANNEL, to: { kind: 'conversation', address: 'C0OTHER', label: '#other' } });
    slack.refuseNext(1, {}, 'service_unavailable');
    // 'retried' is refused once (an answer: nothing stored) and put off; 'died' is claimed by a process that never comes back.
    await deps.outbox.claimDue({ now: deps.clock.now(), limit: 1, leaseMs: TEST_DELIVERY_POLICY.leaseMs });
    await core.dispatchDeliveries();
    deps.clock.advanceMs(TEST_DELIVERY_POLICY.leaseMs);
    await core.dispatchDeliveries();
    expect(slack.notices.map((n) => [n.idempotencyKey, n.inDoubt]).sort()).toEqual([
      ['died', true],
      ['retried', false],
    ]);
  });

  it('two bot processes dispatching at once send each delivery once', async () => {
    const { core, deps, slack, write } = await dispatcher();
    const other = createCore(deps);
    for (let i = 1; i <= 20; i += 1) await write(`m${i}`, { ...OPS, address: `ops${i}@partner.example` });
    await write('c', CHANNEL);
    const reports = await Promise.all([core.dispatchDeliveries(), other.dispatchDeliveries()]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(21);
    expect(new Set(deps.email.notices.map((n) => n.to)).size).toBe(20);
    expect(deps.email.notices).toHaveLength(20);
    expect(slack.notices).toHaveLength(1);
  });
});

describe('dispatchDeliveries as the bot runs it: told by each change', () => {
  it("an approver's mailbox refused for good: the order is placed, and the administrators hear of it before placeWorkOrder returns", async () => {
    const { core, deps, slack, as } = await workflowHarness();
    deps.email.refuseNext(1, { permanent: true }, '550 mailbox unavailable');
    await core.placeWorkOrder({
      actor: as('olive'),
      origin: 'chat',
      subscriberLogin: 'jdoe',
      orderable: 'Phone',
      attributes: { Phone: { phoneType: '7945' } },
    });
    const dead = deps.outbox.deliveries.filter((d) => d.state === 'dead');
    expect(dead.map((d) => [d.content.kind, d.target.channel, d.lastError])).toEqual([['activity', 'email', '550 mailbox unavailable']]);
    const alert = slack.notices.find((n) => n.to.kind === 'user' && n.to.platformUserId === 'UADA')?.notice;
    expect(alert).toMatchObject({ kind: 'system-alert', eventType: 'delivery-failure' });
    expect(deps.outbox.deliveries.filter((d) => d.state === 'pending')).toEqual([]);
  });

  it('a Teams user the bot has never met cannot be posted to: nothing is retried, and no copy is recorded there', async () => {
    const { core, deps, teams, as } = await workflowHarness();
    teams.unreachable.add('aad-april');
    const placed = await core.placeWorkOrder({
      actor: as('olive'),
      origin: 'chat',
      subscriberLogin: 'jdoe',
      orderable: 'Phone',
      attributes: { Phone: { phoneType: '7945' } },
    });
    const toApril = deps.outbox.deliveries.filter((d) => d.target.channel === 'chat' && d.target.platform === 'teams');
    expect(toApril.map((d) => [d.target.channel === 'chat' && d.target.to, d.state, d.attempts])).toEqual([
      [{ kind: 'user', platformUserId: 'aad-april', email: 'april@acme.example' }, 'sent', 1],
    ]);
    expect((await deps.workOrders.listPostedMessages(placed.activities[0]!.id)).map((m) => m.platform)).toEqual(['slack', 'slack']);
    expect(teams.notices).toEqual([]);
  });
});
