import type { CoreDeps } from '../core-deps';
import type { NewDelivery } from '../notifications/delivery';
import { systemSettings } from '../notifications/read-notification-settings';
import type { Order, OrderLine } from './provisioning';

/** Closed lines are looked back on this far, so a reminder missed while the bot was down still goes. */
const CLOSED_LOOKBACK_MS = 2 * 24 * 60 * 60_000;
const PER_TICK = 1_000;

/**
 * Beyond the seed: "your subscription will begin billing, and the order line will
 * close" (ccw-change-provisioning-contact) comes as a surprise to whoever has not
 * finished setup. The provisioning contact and the partner who placed the order are
 * reminded a configurable number of days before the window ends, and told when the
 * line closed. Each tick writes what should exist; the idempotency key makes each
 * reminder go once however often it is written.
 */
export async function sendBillingReminders(deps: CoreDeps): Promise<{ written: number }> {
  const days = (await systemSettings(deps)).billingReminderDays;
  const now = deps.clock.now();
  const deliveries: NewDelivery[] = [];
  if (days !== null) {
    const soon = await deps.orders.findLinesByWindowEnd({
      status: 'Awaiting Provisioning Details',
      from: now,
      to: new Date(now.getTime() + days * 86_400_000),
      limit: PER_TICK,
    });
    for (const { order, line } of soon) deliveries.push(...reminders(order, line, 'before', now));
  }
  // Latest first: lines reminded on earlier ticks are older; a backlog of more than a
  // tick's worth never holds back the ones that just closed.
  const closed = await deps.orders.findLinesByWindowEnd({
    status: 'Closed',
    from: new Date(now.getTime() - CLOSED_LOOKBACK_MS),
    to: now,
    limit: PER_TICK,
    latestFirst: true,
  });
  for (const { order, line } of closed) deliveries.push(...reminders(order, line, 'closed', now));
  if (deliveries.length === 0) return { written: 0 };
  const written = await deps.outbox.write({ deliveries, digestItems: [], escalations: [] });
  if (written) await deps.deliveries.deliveriesWritten();
  return { written };
}

function reminders(order: Order, line: OrderLine, stage: 'before' | 'closed', now: Date): NewDelivery[] {
  const addresses = [...new Set([line.provisioningContactEmail, order.placedBy.email].map((a) => a.trim().toLowerCase()).filter(Boolean))];
  return addresses.map((address) => ({
    // The window's end is in the key: a line is reminded once per window.
    key: `billing:${order.number}:${line.lineNumber}:${stage}:${line.windowEndsAt?.toISOString()}:${address}`,
    target: { channel: 'email', address, asUser: false, domain: null },
    content: { kind: 'billing-reminder', orderNumber: order.number, lineNumber: line.lineNumber, stage },
    dueAt: now,
  }));
}
