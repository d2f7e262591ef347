import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderIntake } from '../../fixtures/orders';
import { messageActivity, personalChat, rosterEntry, teamsUser } from '../../fakes/bot-activities';
import { click, say } from './conversation';
import { startInMemoryTeamsBot } from './in-memory-teams-bot';
import { cardOf, cardText } from './teams-e2e-helpers';
import { dayFrom } from '../../fakes/test-dates';

const ALICE = teamsUser('alice', 'Alice Placer', 'alice@acme-partner.example');
const BOB = teamsUser('bob', 'Bob Outsider', 'bob@other-partner.example');

/**
 * When Teams refuses an update or a notification, the core must hear about it (it logs
 * the failure per platform) rather than believe it worked: botbuilder hands errors in
 * proactive turns to onTurnError, which would swallow them. The log is only visible on
 * the in-memory composition.
 */
describe('Teams refusing proactive calls', () => {
  let bot: Awaited<ReturnType<typeof startInMemoryTeamsBot>>;
  const chatOf = (u: typeof ALICE) => personalChat(bot.connector.url, u);
  beforeAll(async () => {
    bot = await startInMemoryTeamsBot({ roster: [ALICE, BOB].map(rosterEntry) });
    await bot.core.registerUser({ email: ALICE.email, name: ALICE.name, roles: [] });
    await bot.core.intakeOrder(orderIntake({ number: 'ORD-1', requestedStartDate: dayFrom(bot.clock, -1) }));
    await say(bot, chatOf(ALICE), ALICE, 'help');
  });
  afterAll(() => bot?.stop());

  it('reports a refused card update and a refused notification to the core, and still answers the click', async () => {
    await say(bot, chatOf(BOB), BOB, 'resend ORD-1 1');
    const posted = await bot.connector.waitFor((c) => c.method === 'POST' && JSON.stringify(c.body ?? '').includes('access.approve'));
    bot.connector.failures.push(
      { match: (c) => c.method === 'PUT', status: 403 },
      { match: (c) => c.method === 'POST' && c.conversationId === chatOf(BOB).conversationId, status: 403 },
    );
    const res = await click(bot, chatOf(ALICE), ALICE, {
      verb: 'access.approve',
      data: { requestId: cardOf(posted).actions[0].data.requestId },
      replyToId: posted.reply.id,
    });
    expect(cardText(res.body.value)).toMatch(/^Approved by Alice Placer/);
    const warnings = bot.log.lines.filter((l) => l.level === 'warn').map((l) => l.message);
    expect(warnings).toContain('posted request not updated');
    expect(warnings).toContain('requester not told in chat');
    expect(bot.email.decisions.map((d) => d.to)).toEqual([BOB.email]);
  });

  it('logs a reply Teams refuses with a ref, and still answers Teams 200 so it does not retry', async () => {
    bot.connector.failures.length = 0;
    bot.connector.failures.push({ match: (c) => c.method === 'POST' && c.conversationId === chatOf(ALICE).conversationId, status: 403 });
    const res = await bot.post(messageActivity(chatOf(ALICE), ALICE, 'help'));
    expect(res.status).toBe(200);
    const failed = bot.log.lines.find((l) => l.message === 'Teams turn failed');
    expect(failed?.fields).toMatchObject({ ref: expect.stringMatching(/^[0-9a-f]{8}$/), activityType: 'message' });
    expect(bot.log.lines.some((l) => l.message === 'Teams error reply not sent' && l.fields.ref === failed?.fields.ref)).toBe(true);
  });

  // The connector's own pipeline honours Retry-After (see adapters/teams/connector-retry.ts); this holds it to that.
  it('waits out a 429 with Retry-After and then posts the card once', async () => {
    bot.connector.failures.length = 0;
    const toAlice = (c: { method: string; conversationId: string | null }) =>
      c.method === 'POST' && c.conversationId === chatOf(ALICE).conversationId;
    bot.connector.failures.push({ match: toAlice, status: 429, times: 1, retryAfterSeconds: 1 });
    const before = bot.connector.calls.length;
    // Bob's own answer waits for the card to Alice, past Teams' typing delay: not `say`, which reads the first reply.
    expect((await bot.post(messageActivity(chatOf(BOB), BOB, 'resend ORD-1 2'))).status).toBe(200);
    const posted = await bot.connector.waitFor(
      (c) =>
        bot.connector.calls.indexOf(c) >= before && toAlice(c) && c.status < 300 && JSON.stringify(c.body ?? '').includes('access.approve'),
    );
    const attempts = bot.connector.calls.slice(before).filter((c) => toAlice(c) && JSON.stringify(c.body ?? '').includes('access.approve'));
    expect(attempts.map((c) => c.status)).toEqual([429, 201]);
    expect(posted.at - attempts[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('retries a card update that Teams refused with 412, and updates it once', async () => {
    bot.connector.failures.length = 0;
    const start = bot.connector.calls.length;
    const callsSince = (from: number) => (c: Parameters<Parameters<typeof bot.connector.waitFor>[0]>[0]) =>
      bot.connector.calls.indexOf(c) >= from;
    expect((await bot.post(messageActivity(chatOf(BOB), BOB, 'resend ORD-1 1'))).status).toBe(200);
    const posted = await bot.connector.waitFor(
      (c) =>
        callsSince(start)(c) &&
        c.method === 'POST' &&
        c.conversationId === chatOf(ALICE).conversationId &&
        c.status < 300 &&
        JSON.stringify(c.body ?? '').includes('access.approve'),
    );
    bot.connector.failures.push({ match: (c) => c.method === 'PUT', status: 412, times: 1 });
    const before = bot.connector.calls.length;
    const res = await click(bot, chatOf(ALICE), ALICE, {
      verb: 'access.approve',
      data: { requestId: cardOf(posted).actions[0].data.requestId },
      replyToId: posted.reply.id,
    });
    expect(res.status).toBe(200);
    await bot.connector.waitFor((c) => callsSince(before)(c) && c.method === 'PUT' && c.status === 200);
    expect(
      bot.connector.calls
        .slice(before)
        .filter((c) => c.method === 'PUT')
        .map((c) => c.status),
    ).toEqual([412, 200]);
  });
});
