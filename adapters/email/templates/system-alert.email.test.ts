import { describe, expect, it } from 'vitest';
import type { SystemNotice } from '../../../core/index';
import { systemAlertEmail } from './system-alert.email';

const failure = (n: number, overrides: Partial<SystemNotice> = {}): SystemNotice => ({
  type: 'order-failure',
  occurredAt: `2026-11-23T10:0${n}:00.000Z`,
  domain: 'acme.example',
  orderNumber: `WO-00000${n}`,
  summary: `Phone could not be provisioned (${n})`,
  ...overrides,
});

describe('system alert email', () => {
  it('lists every order failure, oldest first, with the count in the subject', () => {
    const email = systemAlertEmail({ kind: 'system-alert', eventType: 'order-failure', events: [failure(3), failure(1), failure(2)] });
    expect(email.subject).toBe('Order failures (3)');
    expect(email.text).toContain('Order failures: 3 events for the Administration notification group.');
    const lines = email.text.split('\n').filter((l) => l.startsWith('- '));
    expect(lines).toEqual([
      '- 2026-11-23 10:01 UTC (acme.example, order WO-000001): Phone could not be provisioned (1)',
      '- 2026-11-23 10:02 UTC (acme.example, order WO-000002): Phone could not be provisioned (2)',
      '- 2026-11-23 10:03 UTC (acme.example, order WO-000003): Phone could not be provisioned (3)',
    ]);
    expect(email.text).toContain('"retry <WO-number>"');
  });

  it('words undeliverable notifications apart, without a domain or order when there is none', () => {
    const dead = failure(1, {
      type: 'delivery-failure',
      domain: null,
      orderNumber: null,
      summary: 'A digest notice to list@x.example was not delivered after 8 attempt(s): 550 no such user',
    });
    const email = systemAlertEmail({ kind: 'system-alert', eventType: 'delivery-failure', events: [dead] });
    expect(email.subject).toBe('Undeliverable notifications (1)');
    expect(email.text).toContain(
      '- 2026-11-23 10:01 UTC: A digest notice to list@x.example was not delivered after 8 attempt(s): 550 no such user',
    );
    expect(email.text).toContain(
      '"/prov notify outbox retry" in Slack ("notify outbox retry" to provbot in Microsoft Teams) sends them all again',
    );
    expect(email.html).toContain('550 no such user');
  });
});
