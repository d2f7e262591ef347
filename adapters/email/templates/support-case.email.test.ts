import { describe, expect, it } from 'vitest';
import type { Order, SupportCase } from '../../../core/index';
import { newOrderLine } from '../../../core/index';
import { supportCaseEmail } from './support-case.email';

const createdAt = new Date(Date.UTC(2026, 10, 23, 10, 0));
const order: Order = {
  number: 'ORD-1',
  subscriptionId: 'Sub-100',
  offer: 'A-Flex',
  domain: 'acme-partner.example',
  placedBy: { email: 'alice@acme-partner.example', name: 'Alice Placer' },
  requestedStartDate: '2026-11-20',
  createdAt,
  lines: [1, 2].map((n) => newOrderLine({ lineNumber: n, product: `Product ${n}`, provisioningContactEmail: `it${n}@customer.example` })),
};
const supportCase: SupportCase = {
  number: 'CASE-3',
  orderNumber: 'ORD-1',
  lineNumbers: [2],
  requestType: 'resend',
  description: 'The <b>resend</b> button does nothing & the contact waits.',
  openedBy: { name: 'Alice Placer', email: 'alice@acme-partner.example' },
  channel: 'teams',
  sentTo: 'support@cisco.example',
  createdAt,
};

describe('support case email', () => {
  it('names the case and its type of request in the subject, and carries only the lines of the case', () => {
    const email = supportCaseEmail({
      supportCase,
      order,
      history: { orderNumber: 'ORD-1', transactions: [], cases: [supportCase], limit: 50 },
    });
    expect(email.subject).toBe('CASE-3: Resend Provisioning Email, order ORD-1');
    expect(email.text).toContain('Line 2 (Product 2): Awaiting Provisioning Details; provisioning contact it2@customer.example');
    expect(email.text).not.toContain('Line 1 (Product 1)');
    expect(email.text).toContain('Reply to Alice Placer at alice@acme-partner.example');
  });

  it('escapes what the partner typed in the HTML part', () => {
    const email = supportCaseEmail({ supportCase, order, history: { orderNumber: 'ORD-1', transactions: [], cases: [], limit: 50 } });
    expect(email.html).toContain('The &lt;b&gt;resend&lt;/b&gt; button does nothing &amp; the contact waits.');
    expect(email.html).not.toContain('<b>resend</b>');
  });
});
