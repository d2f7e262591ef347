import { describe, expect, it } from 'vitest';
import { aLine, anOrder } from '../../../test/fixtures/core-values';
import { provisioningEmail } from './provisioning.email';

const render = (order = anOrder(), line = aLine({ lineNumber: 2, product: 'Webex Meetings' })) =>
  provisioningEmail({ order, line, adminPortalUrl: 'https://admin.webex.com', senderAddress: 'provbot@partner.example' });

describe('provisioning email', () => {
  it('names the order, subscription, offer, line and product in subject and both parts', () => {
    const email = render();
    expect(email.subject).toBe('Set up your services: order ORD-1, line 2 (Webex Meetings)');
    for (const part of [email.text, email.html]) {
      for (const value of ['ORD-1', 'Sub-100', 'A-Flex', 'Webex Meetings', '2026-11-20']) expect(part).toContain(value);
    }
    expect(email.text).toContain('Line: 2');
  });

  it('tells the contact to sign in at the admin portal, as a link in HTML', () => {
    const email = render();
    expect(email.text).toContain('Sign in at https://admin.webex.com.');
    expect(email.html).toContain('<a href="https://admin.webex.com">https://admin.webex.com</a>');
  });

  it('states the 7-day policy window for A-Flex and A-Flex-3 and 30 days for other offers', () => {
    expect(render(anOrder({ offer: 'A-Flex' })).text).toContain('within 7 days of receiving this email');
    expect(render(anOrder({ offer: 'A-Flex-3' })).text).toContain('within 7 days of receiving this email');
    const other = render(anOrder({ offer: 'Collaboration Flex Plan 3.0' })).text;
    expect(other).toContain('within 30 days of receiving this email');
    expect(other).toContain('After 30 days your subscription will begin billing and the order line will close');
  });

  it('gives the end of the window when the line already has one (a resend)', () => {
    const line = aLine({ windowEndsAt: new Date('2026-11-27T10:00:00Z') });
    expect(render(anOrder(), line).text).toContain('within 7 days of receiving this email (by 2026-11-27 10:00 UTC)');
  });

  it('on a closed line says billing has begun but setup is still possible', () => {
    const text = render(anOrder(), aLine({ status: 'Closed', closedAt: new Date('2026-11-27T10:00:00Z') })).text;
    expect(text).toContain('billing has begun and the order line is closed, but provisioning is still pending');
    expect(text).toContain('You can still complete the setup at https://admin.webex.com.');
    expect(text).not.toContain('within 7 days');
  });

  it('asks to allowlist the sender and names the placer for a change of contact', () => {
    const { text } = render();
    expect(text).toContain('ask your IT admin to allow the sender provbot@partner.example');
    expect(text).toContain('Ask Alice Placer (alice@acme-partner.example), who placed the order, to change the provisioning contact');
  });

  it('escapes order values in HTML and keeps them verbatim in text', () => {
    const order = anOrder({ subscriptionId: '<script>alert(1)</script>', placedBy: { name: 'Tom & "Jerry"', email: 'tj@x.example' } });
    const email = render(order, aLine({ product: "Calling <b>Pro</b> 'X'" }));
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>Pro</b>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).toContain('Calling &lt;b&gt;Pro&lt;/b&gt; &#39;X&#39;');
    expect(email.html).toContain('Tom &amp; &quot;Jerry&quot;');
    expect(email.text).toContain("Calling <b>Pro</b> 'X'");
    expect(email.html).toContain('<title>Set up your services: order ORD-1, line 1 (Calling &lt;b&gt;Pro&lt;/b&gt; &#39;X&#39;)</title>');
  });

  it('refuses an admin portal URL that is not http(s)', () => {
    expect(() =>
      provisioningEmail({ order: anOrder(), line: aLine(), adminPortalUrl: 'javascript:alert(1)', senderAddress: 'a@b.example' }),
    ).toThrow(/not an http\(s\) URL/);
  });
});
