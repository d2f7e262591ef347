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
    const h = await workflowHarness({}, { autoDispatch: false });
    const { core, deps } = h;
    const to = (n: number): DeliveryTarget => ({ channel: 'email', address: `ops${n}@partner.example`, asUser: false, domain: DOMAIN });
    const notice = (key: string): SystemNotice => ({
      type: 'order-failure',
      occurredAt: deps.clock.now().toISOString(),
      domain: DOMAIN,
      orderNumber: null,
      summary: key,
    });
    const keys = ['a', 'b', 'c', 'd', 'e'];
    const deliveries = keys.map((key, n) => ({
      key,
      target: to(n),
      content: { kind: 'system-alert' as const, eventType: 'order-failure' as const, events: [notice(key)] },
      dueAt: deps.clock.now(),
    }));
    await deps.outbox.write({ deliveries, digestItems: [], escalations: [] });
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
});
