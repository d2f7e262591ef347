import { describe, expect, it } from 'vitest';
import { TEST_DELIVERY_POLICY } from '../../test/fakes/core-harness';
import { CHANNEL, dispatcher, OPS } from '../../test/fakes/dispatch-harness';
import { DEFAULT_DELIVERY_POLICY, retryDelayMs } from './delivery-policy';

const HOUR = 3_600_000;

/** Dispatches, then moves the driven clock to the next due retry, until `untilMs` from now has passed. */
async function driveOutage(h: Awaited<ReturnType<typeof dispatcher>>, untilMs: number): Promise<number[]> {
  const end = h.deps.clock.now().getTime() + untilMs;
  const gaps: number[] = [];
  while (h.deps.clock.now().getTime() < end) {
    await h.core.dispatchDeliveries();
    const pending = h.deps.outbox.deliveries.filter((d) => d.state === 'pending');
    if (pending.length === 0) break;
    const next = Math.min(...pending.map((d) => d.dueAt.getTime()));
    gaps.push(next - h.deps.clock.now().getTime());
    h.deps.clock.advanceMs(Math.max(1, Math.min(next, end) - h.deps.clock.now().getTime()));
  }
  return gaps;
}

describe('dispatchDeliveries: outages longer than minutes', () => {
  it('retry n waits up to base·2^(n-1), never more than 5 minutes by default (capped backoff, full jitter)', () => {
    expect(retryDelayMs(DEFAULT_DELIVERY_POLICY, 1, () => 1)).toBe(2_000);
    expect(retryDelayMs(DEFAULT_DELIVERY_POLICY, 3, () => 1)).toBe(8_000);
    expect(retryDelayMs(DEFAULT_DELIVERY_POLICY, 3, () => 0)).toBe(0);
    expect(retryDelayMs(DEFAULT_DELIVERY_POLICY, 200, () => 1)).toBe(300_000);
    expect(DEFAULT_DELIVERY_POLICY.retryHorizonMs).toBeGreaterThanOrEqual(24 * HOUR);
  });

  it('a mail server down for an hour dead-letters nothing: every notice written at its start goes out once when it is back', async () => {
    const h = await dispatcher();
    for (let i = 1; i <= 10; i += 1) await h.write(`m${i}`, { ...OPS, address: `ops${i}@partner.example` });
    h.deps.email.failWith = 'connect ECONNREFUSED 10.0.0.25:25';
    const gaps = await driveOutage(h, HOUR);
    expect(h.deps.outbox.deliveries.filter((d) => d.state === 'dead')).toEqual([]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(5 * 60_000);

    h.deps.email.failWith = null;
    await driveOutage(h, 5 * 60_000);
    expect(h.deps.outbox.deliveries.map((d) => d.state)).toEqual(Array(10).fill('sent'));
    expect(h.deps.email.notices.map((n) => n.idempotencyKey).sort()).toEqual(['m1', 'm10', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9']);
  });

  it('Slack down for an hour (5xx) loses nothing either, and each retry looks for the post first', async () => {
    const h = await dispatcher();
    await h.write('c', CHANNEL);
    h.slack.failWith = 'An HTTP protocol error occurred: statusCode = 503';
    await driveOutage(h, HOUR);
    h.slack.failWith = null;
    await driveOutage(h, 5 * 60_000);
    expect(h.stored('c').state).toBe('sent');
    expect(h.slack.notices.map((n) => [n.idempotencyKey, n.inDoubt])).toEqual([['c', true]]);
  });

  it('still failing when the retry horizon has passed since its first failure: dead, and the administrators are told in chat, not by the email that failed', async () => {
    const h = await dispatcher();
    await h.write('a', OPS);
    h.deps.email.failWith = '451 4.3.0 temporary local problem';
    await driveOutage(h, TEST_DELIVERY_POLICY.retryHorizonMs + 10 * 60_000);
    expect(h.stored('a')).toMatchObject({ state: 'dead', lastError: '451 4.3.0 temporary local problem' });

    h.deps.email.failWith = null;
    await h.core.dispatchDeliveries();
    expect(h.deps.email.notices).toEqual([]);
    const alerts = h.slack.notices.filter((n) => n.notice.kind === 'system-alert');
    expect(alerts.map((n) => n.to)).toEqual([{ kind: 'user', platformUserId: 'UADA', email: 'ada@provbot.example' }]);
    const summary = alerts[0]!.notice.kind === 'system-alert' ? alerts[0]!.notice.events[0]!.summary : '';
    // A temporary 4xx is not a removed destination.
    expect(summary).toMatch(
      /^A system-alert notice to ops@partner.example could not be delivered: it kept failing for 24(\.\d)? h \(\d+ attempts\); the last error: 451/,
    );
    expect(summary).not.toMatch(/gone|removed/);
  });

  it('a chat post refused for good (channel_not_found) is reported by email only, as a destination that is gone', async () => {
    const h = await dispatcher();
    await h.write('a', CHANNEL);
    h.slack.refuseNext(1, { permanent: true }, 'Slack refused chat.postMessage: channel_not_found');
    expect(await h.core.dispatchDeliveries()).toMatchObject({ dead: 1 });
    await h.core.dispatchDeliveries();
    expect(h.slack.notices).toEqual([]);
    expect(h.deps.email.notices.map((n) => n.to)).toEqual(['ada@provbot.example']);
    const notice = h.deps.email.notices[0]!.notice;
    expect(notice.kind === 'system-alert' && notice.events[0]!.summary).toBe(
      'A system-alert notice to slack #approvals was refused for good (the destination is gone or does not accept it): Slack refused chat.postMessage: channel_not_found',
    );
  });
});

describe('dispatchDeliveries: slow destinations', () => {
  it('a send that hangs past the call timeout is a failure in doubt: the retry looks before posting, and other destinations went out meanwhile', async () => {
    const h = await dispatcher();
    h.deps.settings.delivery = { ...TEST_DELIVERY_POLICY, callTimeoutMs: 100 };
    await h.write('hung', CHANNEL);
    await h.write('mail', OPS);
    h.slack.hangNext(1);
    expect(await h.dispatchSettled()).toMatchObject({ sent: 1, retried: 1 });
    expect(h.stored('hung').lastError).toBe('slack did not answer within 100 ms');
    expect(h.deps.email.notices.map((n) => n.idempotencyKey)).toEqual(['mail']);
    h.deps.clock.advanceMs(h.msFromNow(h.stored('hung').dueAt));
    expect(await h.dispatchSettled()).toMatchObject({ sent: 1 });
    expect(h.slack.notices.map((n) => [n.idempotencyKey, n.inDoubt])).toEqual([['hung', true]]);
  });

  it('a delivery queued behind a hung send until its claim nearly ran out is handed back untried, not sent on a lapsed claim', async () => {
    const h = await dispatcher();
    h.deps.settings.delivery = { ...TEST_DELIVERY_POLICY, callTimeoutMs: 200 };
    await h.write('first', CHANNEL);
    await h.write('second', CHANNEL);
    h.slack.hangNext(1);
    // While the first send hangs, most of the lease passes.
    setTimeout(() => h.deps.clock.advanceMs(TEST_DELIVERY_POLICY.leaseMs - 100), 50);
    expect(await h.dispatchSettled()).toMatchObject({ sent: 0, retried: 1, held: 1 });
    expect(h.stored('second')).toMatchObject({ state: 'pending', attempts: 0, dueAt: h.deps.clock.now() });
    expect(h.slack.notices).toEqual([]);
  });

  it('while one address hangs, every other destination gets its notices within one call timeout, and the hung ones are retried later', async () => {
    const h = await dispatcher();
    const callTimeoutMs = 600;
    h.deps.settings.delivery = { ...TEST_DELIVERY_POLICY, callTimeoutMs, batchSize: 10 };
    const quiet = 'quiet@partner.example';
    h.deps.email.hangingAddresses.add(quiet);
    const hung: string[] = [];
    const others: string[] = [];
    // A hung delivery in each of the first batches the dispatcher claims (oldest due first).
    for (let i = 0; i < 30; i += 1) {
      if (i % 10 === 0) {
        hung.push(`hung${i}`);
        await h.write(`hung${i}`, { ...OPS, address: quiet });
      }
      others.push(`other${i}`);
      await h.write(`other${i}`, { ...OPS, address: `ops${i}@partner.example` });
    }

    const dispatch = h.core.dispatchDeliveries();
    await Promise.race([dispatch, new Promise((r) => setTimeout(r, callTimeoutMs))]);
    expect(h.deps.email.notices.map((n) => n.idempotencyKey).sort()).toEqual(others.sort());

    const late = await (await dispatch).leftInLanes;
    expect(late).toMatchObject({ retried: hung.length });
    expect(others.map((k) => h.stored(k).state)).toEqual(others.map(() => 'sent'));
    for (const k of hung)
      expect(h.stored(k)).toMatchObject({
        state: 'pending',
        attempts: 1,
        lastError: `the mail server did not answer within ${callTimeoutMs} ms`,
      });

    h.deps.email.hangingAddresses.clear();
    h.deps.clock.advanceMs(Math.max(...hung.map((k) => h.msFromNow(h.stored(k).dueAt))));
    expect(await h.dispatchSettled()).toMatchObject({ sent: hung.length });
    expect(hung.map((k) => h.stored(k).state)).toEqual(hung.map(() => 'sent'));
  });
});
