import { describe, expect, it, vi } from 'vitest';
import { DOMAIN, workflowHarness } from '../../test/fakes/core-harness';
import type { DeliveryTarget, SystemNotice } from './delivery';

/**
 * How the dispatcher records what went out: a round's plain successes in one step
 * (outbox.markAllSent), as the Hardening issue asks ("mark a batch's successes in one
 * statement"), instead of one markSent each; a failure in the same round is put off,
 * not marked.
 */
describe('dispatchDeliveries: recording results', () => {
  it('marks a round’s sent deliveries in one step, and puts off the one that failed', async () => {
    const { core, deps } = await workflowHarness({}, { autoDispatch: false });
    const keys = ['a', 'b', 'c', 'd', 'e'];
    await writeAlerts(deps, keys);
    const markAllSent = vi.spyOn(deps.outbox, 'markAllSent');
    const markSent = vi.spyOn(deps.outbox, 'markSent');
    deps.email.failNext(1, 'SMTP 451 try again later');

    expect(await core.dispatchDeliveries()).toMatchObject({ sent: 4, retried: 1 });

    expect(markSent).not.toHaveBeenCalled();
    expect(markAllSent).toHaveBeenCalledTimes(1);
    expect(markAllSent.mock.calls[0]![0].map((d) => d.key).sort()).toEqual(
      keys.filter((k) => deps.outbox.findByKey(k)!.state === 'sent').sort(),
    );
    expect(keys.map((k) => deps.outbox.findByKey(k)!.state).sort()).toEqual(['pending', 'sent', 'sent', 'sent', 'sent']);
  });

  it('claims the next batch while the last one is being marked sent, and sends it only once that is recorded', async () => {
    const { core, deps } = await workflowHarness({}, { autoDispatch: false });
    deps.settings.delivery = { ...deps.settings.delivery, batchSize: 2 };
    await writeAlerts(deps, ['a', 'b', 'c', 'd', 'e']);
    const steps: string[] = [];
    const claimDue = deps.outbox.claimDue.bind(deps.outbox);
    vi.spyOn(deps.outbox, 'claimDue').mockImplementation(async (input) => {
      const claimed = await claimDue(input);
      steps.push(`claimed ${claimed.map((d) => d.key).join('')}`);
      return claimed;
    });
    const markAllSent = deps.outbox.markAllSent.bind(deps.outbox);
    vi.spyOn(deps.outbox, 'markAllSent').mockImplementation(async (sent, input) => {
      steps.push(`marking ${sent.map((d) => d.key).join('')}`);
      // Answered a turn later, as a statement is: the next claim has been answered by then.
      await new Promise((resolve) => setImmediate(resolve));
      steps.push(`marked ${sent.map((d) => d.key).join('')}`);
      return markAllSent(sent, input);
    });
    const sendNotice = deps.email.sendNotice.bind(deps.email);
    vi.spyOn(deps.email, 'sendNotice').mockImplementation(async (mail) => {
      steps.push(`sent ${mail.idempotencyKey}`);
      return sendNotice(mail);
    });

    expect(await core.dispatchDeliveries()).toMatchObject({ sent: 5 });

    expect(steps).toEqual([
      'claimed ab',
      'sent a',
      'sent b',
      'marking ab',
      'claimed cd',
      'marked ab',
      'sent c',
      'sent d',
      'marking cd',
      'claimed e',
      'marked cd',
      'sent e',
      'marking e',
      'marked e',
    ]);
  });

  it('stops when marking a batch sent fails, without sending the batch claimed meanwhile', async () => {
    const { core, deps } = await workflowHarness({}, { autoDispatch: false });
    deps.settings.delivery = { ...deps.settings.delivery, batchSize: 2 };
    await writeAlerts(deps, ['a', 'b', 'c', 'd']);
    vi.spyOn(deps.outbox, 'markAllSent').mockRejectedValueOnce(new Error('the database went away'));
    const sendNotice = vi.spyOn(deps.email, 'sendNotice');

    await expect(core.dispatchDeliveries()).rejects.toThrow('the database went away');

    expect(sendNotice.mock.calls.map(([mail]) => mail.idempotencyKey)).toEqual(['a', 'b']);
    // Claimed, never sent: their lease runs out and a later run takes them.
    expect(['c', 'd'].map((k) => deps.outbox.findByKey(k)!.state)).toEqual(['pending', 'pending']);
  });
});

type Deps = Awaited<ReturnType<typeof workflowHarness>>['deps'];

/** System alerts by email, each to its own address (no pacing), all due now, in key order. */
async function writeAlerts(deps: Deps, keys: string[]): Promise<void> {
  const to = (n: number): DeliveryTarget => ({ channel: 'email', address: `ops${n}@partner.example`, asUser: false, domain: DOMAIN });
  const notice = (key: string): SystemNotice => ({
    type: 'order-failure',
    occurredAt: deps.clock.now().toISOString(),
    domain: DOMAIN,
    orderNumber: null,
    summary: key,
  });
  const deliveries = keys.map((key, n) => ({
    key,
    target: to(n),
    content: { kind: 'system-alert' as const, eventType: 'order-failure' as const, events: [notice(key)] },
    dueAt: new Date(deps.clock.now().getTime() - 1_000 + n),
  }));
  await deps.outbox.write({ deliveries, digestItems: [], escalations: [] });
}
