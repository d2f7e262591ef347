import { describe, expect, it } from 'vitest';
import { anAccessRequest, anOrder } from '../../../test/fixtures/core-values';
import { accessRequestEmail } from './access-request.email';

const approveUrl = 'https://provbot.example/links/access/aaa.bbb';
const declineUrl = 'https://provbot.example/links/access/ccc.ddd';
const render = (request = anAccessRequest()) =>
  accessRequestEmail({ request, order: anOrder(), approveUrl, declineUrl, linksExpireAt: new Date('2026-11-30T10:00:00Z') });

describe('access request email', () => {
  it('says who asks for what on which order', () => {
    const email = render();
    expect(email.subject).toBe('Approval needed: Bob Outsider asks about order ORD-1');
    expect(email.text).toContain(
      'Bob Outsider (bob@other-partner.example) asks to resend the provisioning email for line 2 on order ORD-1.',
    );
    expect(email.text).toContain('Asked via: Slack');
  });

  it('says "unknown email" when the chat platform shared none', () => {
    const request = anAccessRequest({ requester: { name: 'Bob', email: null, channel: 'teams', platformUserId: 'aad-bob' } });
    expect(render(request).text).toContain('Bob (unknown email) asks to');
  });

  it('describes all lines and contact changes', () => {
    expect(render(anAccessRequest({ action: { kind: 'resend', lines: 'all' } })).text).toContain(
      'asks to resend the provisioning email for all lines on order ORD-1.',
    );
    expect(render(anAccessRequest({ action: { kind: 'contact', lines: [2], email: 'new@customer.example' } })).text).toContain(
      'asks to change the provisioning contact of line 2 to new@customer.example on order ORD-1.',
    );
    expect(render(anAccessRequest({ action: { kind: 'contact', lines: [1, 2], email: 'n@c.example' } })).text).toContain(
      'change the provisioning contact of lines 1, 2 to n@c.example',
    );
  });

  it('carries Approve and Decline links in both parts, and when they expire', () => {
    const email = render();
    expect(email.text).toContain(`Approve: ${approveUrl}`);
    expect(email.text).toContain(`Decline: ${declineUrl}`);
    expect(email.html).toMatch(new RegExp(`<a href="${approveUrl}"[^>]*>Approve</a>`));
    expect(email.html).toMatch(new RegExp(`<a href="${declineUrl}"[^>]*>Decline</a>`));
    expect(email.text).toContain('The links work until 2026-11-30 10:00 UTC.');
  });

  it('escapes the requester name in HTML', () => {
    const request = anAccessRequest({
      requester: { name: '<img src=x onerror=alert(1)>', email: 'e@x.example', channel: 'slack', platformUserId: 'U1' },
    });
    const { html, text } = render(request);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; (e@x.example) asks to');
    expect(text).toContain('<img src=x onerror=alert(1)> (e@x.example) asks to');
  });
});
