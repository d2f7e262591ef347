import { describe, expect, it } from 'vitest';
import { aLine, anOrder } from '../../../test/fixtures/core-values';
import type { BillingReminderEmailInput } from './billing-reminder.email';
import { billingReminderEmail } from './billing-reminder.email';

const windowEndsAt = new Date('2026-11-27T10:00:00Z');
const line = aLine({ lineNumber: 2, product: 'Webex Meetings', provisioningEmailSentAt: new Date('2026-11-20T10:00:00Z'), windowEndsAt });
const render = (overrides: Partial<BillingReminderEmailInput> = {}) =>
  billingReminderEmail({
    order: anOrder(),
    line,
    stage: 'before',
    days: 3,
    to: 'it@customer.example',
    adminPortalUrl: 'https://admin.webex.com',
    senderAddress: 'provbot@partner.example',
    now: new Date('2026-11-24T10:00:00Z'),
    ...overrides,
  });

describe('billing reminder email', () => {
  it('tells the provisioning contact when billing begins and where to set up', () => {
    const email = render();
    expect(email.subject).toBe('Billing begins on 2026-11-27 10:00 UTC (in 3 days): set up order ORD-1, line 2 (Webex Meetings)');
    expect(email.text).toContain('You are the provisioning contact for line 2 of order ORD-1, and its services are not set up yet.');
    expect(email.text).toContain(
      'when the 7-day policy window for A-Flex ends: the subscription will begin billing and the order line will close',
    );
    expect(email.text).toContain('To set up the services, sign in at https://admin.webex.com.');
    expect(email.text).toContain('ask your IT admin to allow the sender provbot@partner.example');
    expect(email.text).toContain('Provisioning email sent: 2026-11-20 10:00 UTC');
    expect(email.html).toContain('<a href="https://admin.webex.com">https://admin.webex.com</a>');
  });

  it('counts the days left from when it is sent, so a late delivery stays true', () => {
    expect(render({ now: new Date('2026-11-26T12:00:00Z') }).subject).toContain('(in 1 day)');
    expect(render({ line: { ...line, windowEndsAt: null } }).subject).toBe(
      'Billing begins in 3 days: set up order ORD-1, line 2 (Webex Meetings)',
    );
  });

  it('reminds the partner that they can still resend or change the contact before the PONR', () => {
    const email = render({ to: 'Alice@acme-partner.example' });
    expect(email.text).toContain('Hello Alice Placer,');
    expect(email.text).toContain(
      'Line 2 of order ORD-1 is not set up yet: the provisioning contact it@customer.example has not completed provisioning.',
    );
    expect(email.text).toContain('resend it with "resend ORD-1 2"');
    expect(email.text).toContain('change the contact with "contact ORD-1 2 <new email>"');
    expect(email.text).toContain('The provisioning contact or an admin sets them up by signing in at https://admin.webex.com.');
    const onboarded = render({ to: 'alice@acme-partner.example', line: { ...line, ponrAt: new Date('2026-11-23T00:00:00Z') } });
    expect(onboarded.text).toContain('The organization is already onboarded, so the provisioning email can no longer be resent');
    expect(onboarded.text).not.toContain('"resend ORD-1 2"');
  });

  it('after the window says billing has begun, the line closed and provisioning is still pending', () => {
    const closed = { ...line, status: 'Closed' as const, closedAt: windowEndsAt };
    const email = render({ stage: 'closed', line: closed, now: new Date('2026-11-27T10:05:00Z') });
    expect(email.subject).toBe('Billing has begun: order ORD-1, line 2 (Webex Meetings) closed with provisioning pending');
    expect(email.text).toContain(
      'closed on 2026-11-27 10:00 UTC: the 7-day policy window ended, billing has begun, and provisioning is still pending.',
    );
    expect(email.text).toContain('The services can still be set up at https://admin.webex.com.');
    expect(render({ stage: 'closed', line: closed, to: 'alice@acme-partner.example' }).text).toContain('Line 2 of order ORD-1 closed on');
  });

  it('past the PONR the contact and the partner both say to complete the setup at the portal, and neither offers a resend', () => {
    const onboarded = { ...line, ponrAt: new Date('2026-11-23T00:00:00Z') };
    const closed = { ...onboarded, status: 'Closed' as const, closedAt: windowEndsAt };
    for (const stage of [
      { stage: 'before' as const, line: onboarded },
      { stage: 'closed' as const, line: closed },
    ]) {
      const toContact = render(stage).text;
      const toPartner = render({ ...stage, to: 'alice@acme-partner.example' }).text;
      expect(toContact).toContain(
        'Your organization is already onboarded, so the provisioning email can no longer be sent again; you, as the provisioning contact, or an admin of your organization can complete the setup by signing in at https://admin.webex.com.',
      );
      expect(toPartner).toContain(
        'The organization is already onboarded, so the provisioning email can no longer be resent; the provisioning contact or an admin can complete the setup at https://admin.webex.com.',
      );
      for (const text of [toContact, toPartner]) expect(text).not.toMatch(/send it again|resend it with/);
    }
  });
});
