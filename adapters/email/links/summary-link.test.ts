import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../../test/fakes/fixed-clock';
import { createLinkSigner } from './link-signer';
import { createSummaryLinks, SUMMARY_LINK_LIFETIME_MS, summaryLinkFor } from './summary-link';

const SECRET = 'unit-test-secret-unit-test-secret-0001';

describe('order summary links', () => {
  it('open the customer they were signed for until they expire', () => {
    const clock = new FixedClock(new Date());
    const links = createSummaryLinks(SECRET);
    const url = summaryLinkFor(links, 'https://provbot.example/', clock)('cust-1');
    expect(url).toMatch(/^https:\/\/provbot\.example\/links\/order-summary\/[\w-]+\.[\w-]+$/);
    const token = url.split('/').at(-1)!;
    expect(links.verify(token, clock.now())).toEqual({
      customerId: 'cust-1',
      expiresAt: new Date(clock.now().getTime() + SUMMARY_LINK_LIFETIME_MS),
    });
    clock.advanceMs(SUMMARY_LINK_LIFETIME_MS);
    expect(links.verify(token, clock.now())).toEqual({ error: 'expired' });
  });

  it('refuse a changed token, another secret, and an approval link’s token', () => {
    const now = new Date();
    const links = createSummaryLinks(SECRET);
    const token = links.sign({ customerId: 'cust-1', expiresAt: new Date(now.getTime() + 60_000) });
    const mac = token.split('.')[1];
    const other = Buffer.from(JSON.stringify({ v: 1, c: 'cust-2', x: now.getTime() + 60_000 })).toString('base64url');
    expect(links.verify(`${other}.${mac}`, now)).toEqual({ error: 'bad-signature' });
    expect(createSummaryLinks(`${SECRET}x`).verify(token, now)).toEqual({ error: 'bad-signature' });
    const approval = createLinkSigner(SECRET).sign({
      requestId: 'r1',
      decision: 'approve',
      approverEmail: 'a@x.example',
      expiresAt: new Date(now.getTime() + 60_000),
    });
    expect('error' in links.verify(approval, now)).toBe(true);
  });
});
