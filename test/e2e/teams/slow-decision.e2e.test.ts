import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderIntake } from '../../fixtures/orders';
import { personalChat, rosterEntry, teamsUser } from '../../fakes/bot-activities';
import { click, say } from './conversation';
import { startInMemoryTeamsBot } from './in-memory-teams-bot';
import { cardOf, cardText, yesterday } from './teams-e2e-helpers';

const ALICE = teamsUser('alice', 'Alice Placer', 'alice@acme-partner.example');
const BOB = teamsUser('bob', 'Bob Outsider', 'bob@other-partner.example');

/**
 * Teams waits about 5 s for an invoke. An approval whose email is slow must still be
 * answered in time, and the card must end up showing the result. A slow mailer needs
 * the in-memory core: the running bot's mail goes to an outbox that is never slow.
 */
describe('a card action slower than the invoke budget', () => {
  let bot: Awaited<ReturnType<typeof startInMemoryTeamsBot>>;
  beforeAll(async () => {
    bot = await startInMemoryTeamsBot({ roster: [ALICE, BOB].map(rosterEntry), invokeBudgetMs: 300 });
    await bot.core.registerUser({ email: ALICE.email, name: ALICE.name, roles: [] });
    await bot.core.intakeOrder(orderIntake({ number: 'ORD-1', requestedStartDate: yesterday() }));
  });
  afterAll(() => bot?.stop());

  it('is answered with a holding card in time, and the card is replaced with the result when done', async () => {
    await say(bot, personalChat(bot.connector.url, ALICE), ALICE, 'help');
    await say(bot, personalChat(bot.connector.url, BOB), BOB, 'resend ORD-1 1');
    const posted = await bot.connector.waitFor((c) => c.method === 'POST' && c.body?.type === 'message' && JSON.stringify(c.body).includes('access.approve'));
    const requestId = cardOf(posted).actions[0].data.requestId;

    const send = bot.email.sendProvisioningEmail.bind(bot.email);
    bot.email.sendProvisioningEmail = async (input) => {
      await new Promise((r) => setTimeout(r, 1500));
      return send(input);
    };
    const started = Date.now();
    const res = await click(bot, personalChat(bot.connector.url, ALICE), ALICE, { verb: 'access.approve', data: { requestId }, replyToId: posted.reply.id });
    expect(Date.now() - started).toBeLessThan(1200);
    expect(cardText(res.body.value)).toContain('Approving…');
    expect(cardText(res.body.value)).toContain('This card shows the result as soon as it is done.');

    const update = await bot.connector.waitFor((c) => c.method === 'PUT' && c.activityId === posted.reply.id, 5000);
    expect(cardText(cardOf(update))).toMatch(/^Approved by Alice Placer/);
    expect(cardText(cardOf(update))).toContain('Line 1: sent to it@customer.example.');
    expect(bot.log.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
