import { describe, expect, it } from 'vitest';
import type { ContactChangeDone, ResendDone } from '../../../core/index';
import { anAccessRequest, anApprovedRequest } from '../../../test/fixtures/core-values';
import { accessDecisionEmail } from './access-decision.email';

const resent = (attempts: ResendDone['attempts'], skipped: ResendDone['skipped'] = []): ResendDone => ({
  kind: 'resent',
  orderNumber: 'ORD-1',
  attempts,
  skipped,
  senderAddress: 'provbot@partner.example',
});

describe('access decision email', () => {
  it('tells the requester a decline and by whom', () => {
    const request = anAccessRequest({
      status: 'Declined',
      decidedBy: { name: 'Alice Placer', email: 'alice@acme-partner.example', channel: 'teams' },
    });
    const email = accessDecisionEmail({ request });
    expect(email.subject).toBe('Declined: your request on order ORD-1');
    expect(email.text).toContain(
      'Alice Placer declined your request to resend the provisioning email for line 2 on order ORD-1. Nothing was changed.',
    );
  });

  it('lists the lines a resend reached and the ones that failed', () => {
    const outcome = {
      ok: true as const,
      result: resent(
        [
          { lineNumber: 1, to: 'it@customer.example', status: 'Sent', error: null },
          { lineNumber: 2, to: 'it@customer.example', status: 'Failed', error: 'Could not send the email: the mail server is unreachable' },
        ],
        [{ lineNumber: 3, reason: 'past-ponr' }],
      ),
    };
    const email = accessDecisionEmail({ request: anApprovedRequest(outcome, { action: { kind: 'resend', lines: 'all' } }) });
    expect(email.subject).toBe('Approved: your request on order ORD-1');
    expect(email.text).toContain('Alice Placer approved your request to resend the provisioning email for all lines on order ORD-1.');
    expect(email.text).toContain('- Line 1: provisioning email sent to it@customer.example.');
    expect(email.text).toContain(
      '- Line 2: the email to it@customer.example could not be sent (Could not send the email: the mail server is unreachable)',
    );
    expect(email.text).toContain('- Line 3: skipped, the organization is already onboarded');
    expect(email.text).toContain('allow the sender provbot@partner.example');
    expect(email.html).toContain('<li>Line 1: provisioning email sent to it@customer.example.</li>');
  });

  it('lists changed contacts, scheduled emails and lines that already had the contact', () => {
    const result: ContactChangeDone = {
      kind: 'contact-changed',
      orderNumber: 'ORD-1',
      newContact: 'new@customer.example',
      changed: [
        {
          lineNumber: 1,
          oldContact: 'old@customer.example',
          email: { lineNumber: 1, to: 'new@customer.example', status: 'Sent', error: null },
        },
        { lineNumber: 2, oldContact: 'old@customer.example', email: null },
      ],
      skipped: [{ lineNumber: 3, reason: 'already-contact' }],
      requestedStartDate: '2026-12-01',
      senderAddress: 'provbot@partner.example',
    };
    const request = anApprovedRequest({ ok: true, result }, { action: { kind: 'contact', lines: 'all', email: 'new@customer.example' } });
    const { text } = accessDecisionEmail({ request });
    expect(text).toContain('- Line 1: contact changed from old@customer.example to new@customer.example; provisioning email sent.');
    expect(text).toContain(
      '- Line 2: contact changed from old@customer.example to new@customer.example; the provisioning email goes to them on 2026-12-01.',
    );
    expect(text).toContain('- Line 3: already had that provisioning contact.');
  });

  it('explains PAST_PONR in a plain sentence with the admin portal', () => {
    const outcome = {
      ok: false as const,
      code: 'PAST_PONR' as const,
      details: { orderNumber: 'ORD-1', lineNumbers: [2], adminPortalUrl: 'https://admin.webex.com' },
    };
    const email = accessDecisionEmail({ request: anApprovedRequest(outcome) });
    expect(email.subject).toBe('Approved, but not done: your request on order ORD-1');
    expect(email.text).toContain(
      'It could not be done: the organization was onboarded meanwhile, so line 2 of order ORD-1 can no longer be changed here. ' +
        'The provisioning contact or an admin can complete setup at https://admin.webex.com.',
    );
    expect(email.html).toContain('<a href="https://admin.webex.com">https://admin.webex.com</a>');
  });

  it('uses the presenters’ words for other codes and a ref for unexpected failures', () => {
    const notFound = anApprovedRequest({ ok: false, code: 'ORDER_NOT_FOUND', details: { orderNumber: 'ORD-1' } });
    expect(accessDecisionEmail({ request: notFound }).text).toContain("It could not be done: I can't find order ORD-1.");
    const unexpected = anApprovedRequest({ ok: false, code: 'UNEXPECTED', ref: 'abc12345' });
    const text = accessDecisionEmail({ request: unexpected }).text;
    expect(text).toContain('Something went wrong (ref abc12345)');
  });

  it('escapes a mail server answer quoted in HTML', () => {
    const outcome = {
      ok: true as const,
      result: resent([{ lineNumber: 1, to: 'it@customer.example', status: 'Failed', error: '550 <it@customer.example> unknown' }]),
    };
    const { html } = accessDecisionEmail({ request: anApprovedRequest(outcome) });
    expect(html).toContain('550 &lt;it@customer.example&gt; unknown');
    expect(html).not.toContain('<it@customer.example>');
  });
});
