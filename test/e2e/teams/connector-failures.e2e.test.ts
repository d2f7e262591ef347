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
/** Polls `probe` until true: the outbox sends after the click's answer. */
async function eventually(probe: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`still not true after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('Teams refusing proactive calls', () => {
  let bot: Awaited<ReturnType<typeof startInMemoryTeamsBot>>;
  const chatOf = (u: typeof ALICE) => personalChat(bot.connector.url, u);
  beforeAll(async () => {
    bot = await startInMemoryTeamsBot({ roster: [ALICE, BOB].map(rosterEntry) });
    await bot.core.registerUser({ email: ALICE.email, name: ALICE.name, roles: [] });
    // One order per test: an access request stays open until decided, so each test asks about its own.
    for (const number of ['ORD-1', 'ORD-2', 'ORD-3', 'ORD-4'])
      await bot.core.intakeOrder(orderIntake({ number, requestedStartDate: dayFrom(bot.clock, -1) }));
    await say(bot, chatOf(ALICE), ALICE, 'help');
  });
  afterAll(() => bot?.stop());

  it('answers the click when Teams refuses the card update and the requester’s notice: both are dead-lettered, and the requester is still emailed', async () => {
    // Only what this test causes: other tests post their own access cards and email Bob their own decisions.
    const from = bot.connector.calls.length;
    const emailed = bot.email.decisions.length;
    await say(bot, chatOf(BOB), BOB, 'resend ORD-1 1');
    const posted = await bot.connector.waitFor(
      (c) =>
        bot.connector.calls.indexOf(c) >= from &&
        c.method === 'POST' &&
        c.status < 300 &&
        JSON.stringify(c.body ?? '').includes('access.approve') &&
        JSON.stringify(c.body ?? '').includes('ORD-1'),
    );
    bot.connector.failures.length = 0;
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
    // A 403 is for good (the bot was removed or blocked): the outbox gives those notices up at once, in its log.
    const deadKeys = () => bot.log.lines.filter((l) => l.message === 'delivery dead-lettered').map((l) => String(l.fields.key));
    await eventually(
      () =>
        deadKeys().some((k) => k.startsWith('access-update:')) &&
        deadKeys().some((k) => k.startsWith('access-decision:') && k.includes('teams')),
    );
    await eventually(() => bot.email.decisions.slice(emailed).some((d) => d.to === BOB.email));
    expect(bot.email.decisions.slice(emailed).map((d) => d.to)).toEqual([BOB.email]);
    bot.connector.failures.length = 0;
  });

  it('logs a reply Teams refuses with a ref, and still answers Teams 200 so it does not retry', async () => {
    bot.connector.failures.length = 0;
    bot.connector.failures.push({ match: (c) => c.method === 'POST' && c.conversationId === chatOf(ALICE).conversationId, status: 403 });
    const from = bot.log.lines.length;
    // Refused only for this reply: a later test's card to Alice must go through.
    const res = await bot.post(messageActivity(chatOf(ALICE), ALICE, 'help')).finally(() => {
      bot.connector.failures.length = 0;
    });
    expect(res.status).toBe(200);
    const failed = bot.log.lines.slice(from).find((l) => l.message === 'Teams turn failed');
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
    expect((await bot.post(messageActivity(chatOf(BOB), BOB, 'resend ORD-2 2'))).status).toBe(200);
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
    expect((await bot.post(messageActivity(chatOf(BOB), BOB, 'resend ORD-3 1'))).status).toBe(200);
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
