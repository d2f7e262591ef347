import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE } from '../../fixtures/orders';
import { startSlackE2E, U, visibleText } from './slack-e2e-harness';
import type { SlackE2E } from './slack-e2e-harness';

const dmsTo = (h: SlackE2E, userId: string) => h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === userId);

describe('an outsider repeating an access request in Slack', () => {
  let h: SlackE2E;
  beforeAll(async () => {
    // A roomy rate limit: what holds the flood back here is the one-open-request rule.
    h = await startSlackE2E({ RATE_LIMIT_ACCESS_REQUESTS_PER_HOUR: '1000', RATE_LIMIT_WRITES_PER_MINUTE: '1000' });
    await h.seedUsers();
    await h.seedOrder('ORD-F');
  }, 30_000);
  afterAll(() => h?.stop());

  it('sends the placer exactly one DM and one email for 30 parallel signed commands; the others hear it is already waiting', async () => {
    const emailsBefore = (await h.emailsTo(ALICE.email)).length;
    const sent = await Promise.all(Array.from({ length: 30 }, () => h.command(U.bob, 'contact ORD-F 1 attacker@x.example')));
    expect(sent.every((s) => s.status === 200)).toBe(true);
    const replies = await Promise.all(sent.map(async (s) => visibleText((await h.reply(s.responseUrl)).body)));

    expect(replies.filter((r) => r.includes('Access requested for order ORD-F'))).toHaveLength(1);
    expect(
      replies.filter((r) => r.includes("Your earlier request is still waiting for a decision, so I didn't send it again.")),
    ).toHaveLength(29);
    expect(replies.join('\n')).not.toMatch(/Alice|acme-partner/);
    expect(dmsTo(h, U.alice.id)).toHaveLength(1);
    expect((await h.emailsTo(ALICE.email)).length).toBe(emailsBefore + 1);
  });
});

describe('the access-request rate limit in Slack', () => {
  let h: SlackE2E;
  beforeAll(async () => {
    h = await startSlackE2E({ RATE_LIMIT_ACCESS_REQUESTS_PER_HOUR: '2' });
    await h.seedUsers();
    for (const n of ['ORD-G1', 'ORD-G2', 'ORD-G3']) await h.seedOrder(n);
  }, 30_000);
  afterAll(() => h?.stop());

  it('answers politely with how long to wait once a person has asked too often, and asks nobody', async () => {
    for (const n of ['ORD-G1', 'ORD-G2']) await h.reply((await h.command(U.bob, `resend ${n} 1`)).responseUrl);
    const dms = dmsTo(h, U.alice.id).length;
    const third = visibleText((await h.reply((await h.command(U.bob, 'resend ORD-G3 1')).responseUrl)).body);
    expect(third).toMatch(
      /You've asked for access to orders many times in a short while\. Please wait about (59 minutes|1 hour) before asking again\./,
    );
    expect(dmsTo(h, U.alice.id)).toHaveLength(dms);
  });
});
