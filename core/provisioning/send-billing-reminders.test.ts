import { describe, expect, it } from 'vitest';
import { DEFAULT_SYSTEM_SETTINGS } from '../notifications/notification-settings';
import { coreHarness } from '../../test/fakes/core-harness';
import { orderIntake } from '../../test/fixtures/orders';

/** Who got which billing reminder, in order. */
const reminders = (h: ReturnType<typeof coreHarness>) =>
  h.deps.email.notices.flatMap((n) =>
    n.notice.kind === 'billing-reminder' ? [`${n.notice.stage} line ${n.notice.line.lineNumber} → ${n.to}`] : [],
  );

describe('billing reminders (beyond the seed)', () => {
  // A-Flex: a 7-day window from the initial email, sent at intake (RSD today): billing begins 2026-11-30 10:00.
  async function intake() {
    const h = coreHarness('2026-11-23T10:00:00Z');
    await h.core.intakeOrder(orderIntake({ requestedStartDate: '2026-11-23' }));
    return h;
  }

  it('reminds the provisioning contact and the partner the configured days before billing begins, once per line', async () => {
    const h = await intake();
    h.deps.clock.set('2026-11-27T09:59:00Z');
    await h.core.sendBillingReminders();
    expect(reminders(h)).toEqual([]);

    h.deps.clock.set('2026-11-27T10:01:00Z');
    await h.core.sendBillingReminders();
    await h.core.sendBillingReminders();
    expect(reminders(h).sort()).toEqual([
      'before line 1 → alice@acme-partner.example',
      'before line 1 → it@customer.example',
      'before line 2 → alice@acme-partner.example',
      'before line 2 → it@customer.example',
    ]);
  });

  it('tells both when the line closed and billing began, once, even if the tick that closed it missed it', async () => {
    const h = await intake();
    h.deps.clock.set('2026-11-30T10:05:00Z');
    await h.core.closeExpiredLines();
    // The next ticks (one day later, say, after the bot was down) still send it, and only once.
    h.deps.clock.set('2026-12-01T09:00:00Z');
    await h.core.sendBillingReminders();
    await h.core.sendBillingReminders();
    expect(
      reminders(h)
        .filter((r) => r.startsWith('closed'))
        .sort(),
    ).toEqual([
      'closed line 1 → alice@acme-partner.example',
      'closed line 1 → it@customer.example',
      'closed line 2 → alice@acme-partner.example',
      'closed line 2 → it@customer.example',
    ]);
  });

  it('sends no advance reminder when the setting is off, and none for a line already provisioned', async () => {
    const h = await intake();
    await h.deps.notificationSettings.saveSystem({ ...DEFAULT_SYSTEM_SETTINGS, billingReminderDays: null });
    await h.deps.orders.updateLines('ORD-1', [
      { lineNumber: 2, patch: { status: 'Provisioned', provisionedAt: new Date('2026-11-24T00:00:00Z') } },
    ]);
    h.deps.clock.set('2026-11-29T10:00:00Z');
    await h.core.sendBillingReminders();
    expect(reminders(h)).toEqual([]);
  });

  it('keeps a reminder that could not be mailed in the outbox and sends it once the server is back', async () => {
    const h = await intake();
    h.deps.email.failWith = 'connect ECONNREFUSED';
    h.deps.clock.set('2026-11-28T10:00:00Z');
    await h.core.sendBillingReminders();
    expect(reminders(h)).toEqual([]);
    h.deps.email.failWith = null;
    h.deps.clock.set('2026-11-28T10:10:00Z');
    await h.core.dispatchDeliveries();
    expect(reminders(h)).toHaveLength(4);
  });
});
