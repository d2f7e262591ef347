import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderIntake } from '../../fixtures/orders';
import { channelChat, personalChat, rosterEntry, teamsUser } from '../../fakes/bot-activities';
import { say } from './conversation';
import { startTeamsBot } from './teams-bot';
import { auditor, cardText } from './teams-e2e-helpers';
import { dayFrom } from '../../fakes/test-dates';
import { USAGE } from '../../../adapters/presenters/present-help';

const ALICE = teamsUser('alice', 'Alice Placer', 'alice@acme-partner.example');
/** A placer who speaks in one test only, so the roster lookup of that test is the first one. */
const PAT = teamsUser('pat', 'Pat Placer', 'pat@acme-partner.example');

describe('Teams commands against the running bot', () => {
  let bot: Awaited<ReturnType<typeof startTeamsBot>>;
  const alice = () => personalChat(bot.connector.url, ALICE);
  /** Once the outbox sent what was due: history shows a sent email as Sent. */
  const state = async (number: string) => {
    await bot.dispatch();
    return {
      order: await bot.core.getOrder(number),
      history: await bot.core.getOrderHistory({ actor: auditor(ALICE.email), orderNumber: number }),
    };
  };

  beforeAll(async () => {
    bot = await startTeamsBot({ roster: [rosterEntry(ALICE), rosterEntry(PAT)] });
    await bot.core.registerUser({ email: ALICE.email, name: ALICE.name, roles: [] });
    for (const number of ['ORD-1', 'ORD-2', 'ORD-3'])
      await bot.core.intakeOrder(orderIntake({ number, requestedStartDate: dayFrom(bot.clock, -1) }));
    const placedByPat = { email: PAT.email, name: PAT.name };
    await bot.core.intakeOrder(orderIntake({ number: 'ORD-4', placedBy: placedByPat, requestedStartDate: dayFrom(bot.clock, -1) }));
  });
  afterAll(() => bot?.stop());

  it('answers help with every command, typed without a slash', async () => {
    const card = await say(bot, alice(), ALICE, 'help');
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const text = cardText(card);
    expect(text).toContain('provbot commands');
    // Every placeholder survives the client, which drops a word in angle brackets unless it is escaped.
    for (const usage of USAGE) expect(text).toContain(usage);
    expect(text).toContain('Example: contact ORD-1001 all new.contact@example.com');
    expect(text).not.toContain('/prov');
  });

  it('answers an unknown word with what was wrong and a pointer to help, not the whole list', async () => {
    const text = cardText(await say(bot, alice(), ALICE, 'frobnicate ORD-1'));
    expect(text).toContain('I don\'t know "frobnicate".');
    expect(text).toContain('Type "help" to see every command.');
    expect(text).not.toContain('status <order>');
  });

  it('shows the status of an order to its placer, found by the email on the Teams roster', async () => {
    const chat = personalChat(bot.connector.url, PAT);
    const text = cardText(await say(bot, chat, PAT, 'status ORD-4'));
    expect(text).toContain('Order ORD-4');
    expect(text).toContain(`Placed by: Pat Placer <${PAT.email}>`);
    expect(text).toContain('Line 1: Webex Calling');
    expect(text).toContain('Provisioning contact: it@customer.example');
    expect(text).toContain('Point of no return: not reached');
    // The roster lookup is a GET of the member in the (URL-encoded) conversation.
    const lookup = bot.connector.calls.find((c) => c.method === 'GET' && c.userId === PAT.id);
    expect(lookup?.conversationId).toBe(chat.conversationId);
    expect(lookup?.path).toContain(encodeURIComponent(chat.conversationId));
  });

  it('resends the provisioning email for the placer, with the sender and spam advice, and records it as Sent', async () => {
    const text = cardText(await say(bot, alice(), ALICE, 'resend ORD-1 2'));
    expect(text).toContain('Provisioning email resent for order ORD-1');
    expect(text).toMatch(/Line 2: (sent|on its way) to it@customer\.example/);
    expect(text).toMatch(/check the spam or junk folder, and ask your IT admin to allow the sender \S+@\S+/);
    const { history } = await state('ORD-1');
    expect(history.transactions[0]).toMatchObject({ kind: 'resend', lineNumber: 2, status: 'Sent', channel: 'teams' });
    expect(cardText(await say(bot, alice(), ALICE, 'history ORD-1'))).toMatch(/Resend · line 2 · Sent/);
  });

  it('explains the point of no return and names the admin portal as a link', async () => {
    await bot.core.markOrganizationOnboarded('ORD-2', { lines: [1], organizationId: 'org-9' });
    const before = await state('ORD-2');
    const card = await say(bot, alice(), ALICE, 'resend ORD-2 1');
    const text = cardText(card);
    expect(text).toContain('Line 1 of order ORD-2 is past the point of no return');
    expect(text).toContain('The provisioning contact or an admin can complete the service setup by signing in at https://admin.webex.com.');
    expect(JSON.stringify(card)).toContain('[https://admin.webex.com](https://admin.webex.com)');
    expect(await state('ORD-2')).toEqual(before);
  });

  it.each([
    ['resend ORD-404 1', "You don't have access to this order, so I sent a request to the person who placed it."],
    ['resend ORD-3 7', 'Order ORD-3 has no line 7; its lines are 1, 2.'],
    ['contact ORD-3 1 not-an-email', '"not-an-email" is not a valid email: must be an email address.'],
    ['contact ORD-3 0 new@customer.example', '"0" is not a valid line: line numbers start at 1.'],
  ])('answers "%s" with a specific message and changes nothing', async (command, message) => {
    const before = await state('ORD-3');
    expect(cardText(await say(bot, alice(), ALICE, command))).toContain(message);
    expect(await state('ORD-3')).toEqual(before);
  });

  it('answers in a channel when mentioned, the mention removed from the command', async () => {
    const channel = channelChat(bot.connector.url);
    const text = cardText(await say(bot, channel, ALICE, 'status ORD-1'));
    expect(text).toContain('Order ORD-1');
  });
});
