import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalChat, rosterEntry } from '../../fakes/bot-activities';
import { say } from './conversation';
import { expectValidCard } from './expect-valid-card';
import { startTeamsBot } from './teams-bot';
import { cardText } from './teams-e2e-helpers';
import { DOMAIN, JANE, OTTO } from './workflow-people';

/** A mistake typed to the bot is answered with one sentence and at most one usage line, never the whole command list. */
describe('mistakes typed to the bot in Teams', () => {
  let bot: Awaited<ReturnType<typeof startTeamsBot>>;
  const otto = () => personalChat(bot.connector.url, OTTO);
  const ordersOfJane = async () => (await bot.api('GET', `/api/work-orders?login=${JANE.login}`)).body as { number: string }[];
  /** The lines Otto reads on the card answering `text`. */
  const answer = async (text: string) => {
    const card = await say(bot, otto(), OTTO, text);
    expectValidCard(card);
    return cardText(card)
      .split('\n')
      .filter((l) => l.trim() !== '');
  };

  beforeAll(async () => {
    bot = await startTeamsBot({ roster: [rosterEntry(OTTO)] });
    await bot.api('POST', '/api/users', { email: OTTO.email, name: OTTO.name, roles: [{ role: 'Ordering', domain: DOMAIN }] });
    await bot.api('POST', '/api/subscribers', JANE);
  });
  afterAll(() => bot?.stop());

  it('answers an unknown product with the closest catalog names, and places nothing', async () => {
    const before = await ordersOfJane();
    expect(await answer('order jdoe Enhanced Fone Service phoneType=7945')).toEqual([
      'I could not read that command',
      '"Enhanced Fone Service" is not something I can order. Did you mean Enhanced Phone Service?',
      'Usage: order [<login> <product or bundle> [key=value ...]]: place an order; alone, it opens the order form',
    ]);
    expect(await ordersOfJane()).toEqual(before);
  });

  it("answers a malformed email with that sentence and the contact command's usage only", async () => {
    expect(await answer('contact ORD-1 all someone@')).toEqual([
      'I could not read that command',
      '"someone@" is not a valid email: must be an email address.',
      'Usage: contact <order> <line>|all <new-email>: change the provisioning contact and send them the provisioning email',
    ]);
  });

  it('answers gibberish with a short pointer to help, and a near miss with the verb it resembles', async () => {
    expect(await answer('asdf qwer')).toEqual([
      'I could not read that command',
      'I don\'t know "asdf".',
      'Type "help" to see every command.',
    ]);
    expect((await answer('stauts WO-1'))[1]).toBe('I don\'t know "stauts". Did you mean status?');
  });
});
