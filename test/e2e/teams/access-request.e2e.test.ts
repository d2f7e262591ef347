import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderIntake } from '../../fixtures/orders';
import { cardActionActivity, channelChat, membersAddedActivity, personalChat, rosterEntry, teamsUser } from '../../fakes/bot-activities';
import type { TeamsTestUser } from '../../fakes/bot-activities';
import type { ConnectorCall } from '../../fakes/recording-bot-connector';
import { click, say } from './conversation';
import { startTeamsBot } from './teams-bot';
import { auditor, cardOf, cardText } from './teams-e2e-helpers';
import { dayFrom } from '../../fakes/test-dates';

const ALICE = teamsUser('alice', 'Alice Placer', 'alice@acme-partner.example');
const BOB = teamsUser('bob', 'Bob Outsider', 'bob@other-partner.example');
const CAROL = teamsUser('carol', 'Carol Bystander', 'carol@other-partner.example');
const DAVE = teamsUser('dave', 'Dave Unseen', 'dave@acme-partner.example');
const ERIN = teamsUser('erin', 'Erin Channel', 'erin@acme-partner.example');
const FRED = teamsUser('fred', 'Fred Installer', 'fred@acme-partner.example');

describe('Teams access requests against the running bot', () => {
  let bot: Awaited<ReturnType<typeof startTeamsBot>>;
  let orders = 0;
  const chatOf = (u: TeamsTestUser) => personalChat(bot.connector.url, u);
  const newOrder = async (placer = ALICE) => {
    const number = `ORD-${++orders}`;
    await bot.core.intakeOrder(
      orderIntake({ number, requestedStartDate: dayFrom(bot.clock, -1), placedBy: { email: placer.email, name: placer.name } }),
    );
    await bot.dispatch();
    return number;
  };
  /** The order and its history once the outbox sent what was due (history shows a sent email as Sent). */
  const state = async (number: string) => {
    await bot.dispatch();
    return {
      order: await bot.core.getOrder(number),
      history: await bot.core.getOrderHistory({ actor: auditor(ALICE.email), orderNumber: number }),
    };
  };
  /** Bob asks to resend line 1; returns the card the placer got and the request id on its buttons. */
  const bobAsks = async (number: string, placer = ALICE) => {
    const reply = cardText(await say(bot, chatOf(BOB), BOB, `resend ${number} 1`));
    const posted = await bot.connector.waitFor(
      (c) => c.method === 'POST' && c.body?.type === 'message' && cardText(cardOf(c)).includes(`Access request for order ${number}`),
    );
    expect(posted.conversationId).not.toBe(chatOf(BOB).conversationId);
    const card = cardOf(posted);
    return { reply, posted, card, requestId: card.actions[0].data.requestId as string, placerChat: chatOf(placer) };
  };
  const callsAfter = (n: number): ConnectorCall[] => bot.connector.calls.slice(n).filter((c) => c.body?.type !== 'typing');

  beforeAll(async () => {
    bot = await startTeamsBot({ roster: [ALICE, BOB, CAROL, DAVE, ERIN, FRED].map(rosterEntry) });
    for (const u of [ALICE, DAVE, ERIN, FRED]) await bot.core.registerUser({ email: u.email, name: u.name, roles: [] });
    // Alice has talked to the bot before: that is how it learns to reach her.
    await say(bot, chatOf(ALICE), ALICE, 'help');
  });
  afterAll(() => bot?.stop());

  it('sends the placer an actionable card in their personal chat when someone without access asks', async () => {
    const number = await newOrder();
    const before = await state(number);
    const { reply, posted, card, placerChat } = await bobAsks(number);
    expect(reply).toContain(`Access requested for order ${number}`);
    expect(reply).toContain("You don't have access to this order, so I sent a request to the person who placed it.");
    expect(reply).not.toContain('Alice');
    expect(posted.conversationId).toBe(placerChat.conversationId);
    expect(posted.activityId).toBeNull(); // a new message, not a reply to an old one
    expect(cardText(card)).toContain(`Bob Outsider (${BOB.email}) asks to resend the provisioning email for line 1 of order ${number}.`);
    expect(card.actions).toEqual([
      expect.objectContaining({ type: 'Action.Execute', verb: 'access.approve', title: 'Approve' }),
      expect.objectContaining({ type: 'Action.Execute', verb: 'access.decline', title: 'Decline' }),
    ]);
    expect(await state(number)).toEqual(before);
  });

  it("replaces the placer's card on Approve, resends for the requester and tells them", async () => {
    const number = await newOrder();
    const { posted, requestId, placerChat } = await bobAsks(number);
    const mark = bot.connector.calls.length;
    const res = await click(bot, placerChat, ALICE, { verb: 'access.approve', data: { requestId }, replyToId: posted.reply.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const decided = cardText(res.body.value);
    expect(decided).toMatch(/^Approved by Alice Placer at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(decided).toContain('Provisioning email resent for order');
    expect(res.body.value.actions).toBeUndefined();

    const { history } = await state(number);
    expect(history.transactions[0]).toMatchObject({ kind: 'resend', lineNumber: 1, status: 'Sent', actor: { name: 'Bob Outsider' } });
    const calls = callsAfter(mark);
    const update = calls.find((c) => c.method === 'PUT');
    expect(update).toMatchObject({ conversationId: placerChat.conversationId, activityId: posted.reply.id });
    expect(cardText(cardOf(update!))).toMatch(/^Approved by Alice Placer/);
    const told = calls.find((c) => c.method === 'POST' && c.conversationId === chatOf(BOB).conversationId);
    expect(cardText(cardOf(told!))).toContain(
      `Alice Placer approved your request to resend the provisioning email for line 1 of order ${number}.`,
    );
  });

  it('answers a second click with who already decided, and changes nothing', async () => {
    const number = await newOrder();
    const { posted, requestId, placerChat } = await bobAsks(number);
    await click(bot, placerChat, ALICE, { verb: 'access.approve', data: { requestId }, replyToId: posted.reply.id });
    const before = await state(number);
    const mark = bot.connector.calls.length;
    const res = await click(bot, placerChat, ALICE, { verb: 'access.decline', data: { requestId }, replyToId: posted.reply.id });
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(res.body.value).toMatch(/^That didn.t work: Already approved by Alice Placer at .* UTC: nothing more to do here\.$/);
    expect(await state(number)).toEqual(before);
    expect(callsAfter(mark)).toEqual([]);
  });

  it('refuses a click by someone the request was not sent to, and the placer can still decide', async () => {
    const number = await newOrder();
    const { posted, requestId, placerChat } = await bobAsks(number);
    const before = await state(number);
    const res = await click(bot, chatOf(CAROL), CAROL, { verb: 'access.approve', data: { requestId }, replyToId: posted.reply.id });
    expect(res.body.type).toBe('application/vnd.microsoft.activity.message');
    expect(res.body.value).toContain(`You can't decide this access request: it was sent to Alice Placer, who placed order ${number}.`);
    expect(await state(number)).toEqual(before);
    const declined = await click(bot, placerChat, ALICE, { verb: 'access.decline', data: { requestId }, replyToId: posted.reply.id });
    expect(cardText(declined.body.value)).toMatch(/^Declined by Alice Placer/);
    expect(await state(number)).toEqual(before); // declining performs nothing
    const told = await bot.connector.waitFor(
      (c) => c.method === 'POST' && c.conversationId === chatOf(BOB).conversationId && cardText(cardOf(c)).includes('Request declined'),
    );
    expect(cardText(cardOf(told))).toContain(
      `Alice Placer declined your request to resend the provisioning email for line 1 of order ${number}.`,
    );
  });

  it.each([
    ['no data', {}],
    ['a number for the id', { requestId: 42 }],
    ['an empty id', { requestId: '  ' }],
  ])('answers a click with %s clearly and decides nothing', async (_what, data) => {
    const res = await click(bot, chatOf(ALICE), ALICE, { verb: 'access.approve', data, replyToId: 'activity-x' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(res.body.value).toContain("This button's data is not valid (it names no access request), so nothing was decided.");
  });

  it('answers a request id that does not exist, and an unknown button, with a message', async () => {
    const missing = await click(bot, chatOf(ALICE), ALICE, {
      verb: 'access.approve',
      data: { requestId: 'no-such-request' },
      replyToId: 'activity-x',
    });
    expect(missing.body.value).toContain("I can't find that access request.");
    const unknown = await click(bot, chatOf(ALICE), ALICE, { verb: 'order.delete', data: { requestId: 'x' }, replyToId: 'activity-x' });
    expect(unknown.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(unknown.body.value).toContain("I don't know that button, so nothing was done.");
  });

  it.each([
    ['no action', {}],
    ['an Action.Submit', { action: { type: 'Action.Submit', verb: 'access.approve', data: { requestId: 'x' } } }],
  ])('answers a card action with %s as an unknown button', async (_what, value) => {
    const res = await bot.post({ ...cardActionActivity(chatOf(ALICE), ALICE, { verb: 'x', data: {}, replyToId: 'r' }), value });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: expect.stringContaining("I don't know that button"),
    });
  });

  it('tells the requester only that a request was sent when Teams refuses the card, and the email still goes', async () => {
    const number = await newOrder();
    bot.connector.failures.push({ match: (c) => c.method === 'POST' && c.conversationId === chatOf(ALICE).conversationId, status: 403 });
    try {
      const reply = cardText(await say(bot, chatOf(BOB), BOB, `resend ${number} 1`));
      expect(reply).toContain("You don't have access to this order, so I sent a request to the person who placed it.");
      expect(reply).not.toMatch(/Alice|Teams|email/);
      await bot.dispatch();
    } finally {
      bot.connector.failures.length = 0;
    }
  });

  it('does not post to a placer the bot has never met, and does not name them to the requester', async () => {
    const number = await newOrder(DAVE);
    const reply = cardText(await say(bot, chatOf(BOB), BOB, `resend ${number} 1`));
    expect(reply).toContain("You don't have access to this order, so I sent a request to the person who placed it.");
    expect(reply).not.toContain('Dave');
    expect(bot.connector.calls.some((c) => c.conversationId === chatOf(DAVE).conversationId)).toBe(false);
  });

  it('reaches a placer who installed the app but never typed, after welcoming them', async () => {
    // Fred is in the directory by email only; the install links his Teams id through the roster.
    const install = membersAddedActivity(chatOf(FRED), FRED);
    expect((await bot.post(install)).status).toBe(200);
    const welcome = bot.connector.calls.find((c) => c.method === 'POST' && c.conversationId === chatOf(FRED).conversationId);
    expect(cardText(cardOf(welcome!))).toContain('provbot commands');
    const number = await newOrder(FRED);
    const { posted } = await bobAsks(number, FRED);
    expect(posted.conversationId).toBe(chatOf(FRED).conversationId);
  });

  it('opens a personal chat with a placer known only from a channel, instead of posting in the channel', async () => {
    const channel = channelChat(bot.connector.url);
    await say(bot, channel, ERIN, 'help');
    const number = await newOrder(ERIN);
    const { posted } = await bobAsks(number, ERIN);
    const created = bot.connector.calls.find((c) => c.method === 'POST' && c.path === '/v3/conversations');
    expect(created?.body).toMatchObject({ isGroup: false, members: [{ id: ERIN.id }], tenantId: expect.any(String) });
    expect(posted.conversationId).toBe(created!.reply.id);
    expect(posted.conversationId).not.toBe(channel.conversationId);
  });
});
