import { describe, expect, it } from 'vitest';
import { TEST_DELIVERY_POLICY } from '../../test/fakes/core-harness';
import { CHANNEL, dispatcher, OPS } from '../../test/fakes/dispatch-harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('stopDispatching: a process stopping hands over what it has not started', () => {
  it('the deliveries queued behind a send in flight go back at once, claimable by another process now; the send in flight finishes', async () => {
    const h = await dispatcher();
    h.deps.settings.delivery = { ...TEST_DELIVERY_POLICY, callTimeoutMs: 300 };
    for (const key of ['first', 'second', 'third']) await h.write(key, CHANNEL);
    h.slack.hangNext(1);
    const running = h.core.dispatchDeliveries();
    await sleep(30);

    expect(await h.core.stopDispatching()).toBe(2);
    for (const key of ['second', 'third']) expect(h.stored(key)).toMatchObject({ state: 'pending', attempts: 0 });
    // Another process, at this same instant (far inside the lease), takes exactly those.
    const other = await h.deps.outbox.claimDue({ now: h.deps.clock.now(), limit: 10, leaseMs: TEST_DELIVERY_POLICY.leaseMs });
    expect(other.map((d) => d.key)).toEqual(['second', 'third']);

    // The send in flight ends (here by its time limit) and is recorded; nothing handed back is sent here.
    // The round stops waiting on the hung lane (dispatch's stall bound); the lane records the send when it ends.
    const report = await running;
    expect(await report.leftInLanes).toMatchObject({ sent: 0, retried: 1 });
    expect(h.stored('first')).toMatchObject({ state: 'pending', attempts: 1, lastError: 'slack did not answer within 300 ms' });
    expect(h.slack.notices).toEqual([]);
  });

  it('once stopped, a dispatch claims nothing: what is written later waits in the outbox for another process', async () => {
    const h = await dispatcher();
    expect(await h.core.stopDispatching()).toBe(0);
    await h.write('later', OPS);
    expect(await h.core.dispatchDeliveries()).toMatchObject({ sent: 0 });
    expect(h.stored('later')).toMatchObject({ state: 'pending', attempts: 0 });
    expect(h.deps.email.notices).toEqual([]);
  });
});
