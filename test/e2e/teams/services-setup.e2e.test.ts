import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalChat, rosterEntry, teamsUser } from '../../fakes/bot-activities';
import { InMemoryCustomerDirectory } from '../../fakes/in-memory-services-setup';
import { customerForSetup } from '../../fixtures/customers-for-setup';
import { click, say } from './conversation';
import { expectValidCard } from './expect-valid-card';
import { startTeamsBot } from './teams-bot';
import { cardText } from './teams-e2e-helpers';

const CARLA = teamsUser('carla', 'Carla Customer', 'carla@globex.example');

/** `services setup` typed to the bot: one card, updated in place by each Action.Execute invoke. */
describe('the services setup wizard card against the running bot', () => {
  let bot: Awaited<ReturnType<typeof startTeamsBot>>;
  const customers = new InMemoryCustomerDirectory();
  const chat = () => personalChat(bot.connector.url, CARLA);
  let seq = 0;
  const newCustomer = () => customers.add(customerForSetup({ id: `cust-teams-${++seq}`, name: `Initech ${seq}` }));

  beforeAll(async () => {
    bot = await startTeamsBot({ roster: [CARLA].map(rosterEntry), customers });
    await bot.api('POST', '/api/users', { email: CARLA.email, name: CARLA.name, roles: [] });
  });
  afterAll(() => bot?.stop());

  it('walks through every page to Submit through invokes, each answer the next card', async () => {
    const customer = newCustomer();
    let card = await say(bot, chat(), CARLA, `services setup ${customer.name}`);
    expectValidCard(card);
    expect(cardText(card)).toContain('Webex Contact Center Premium Agent');
    const replyToId = bot.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === chat().conversationId).at(-1)!.reply
      .id as string;
    const next = async (page: string, value?: string) => {
      const res = await click(bot, chat(), CARLA, {
        verb: 'services-setup.next',
        data: { customerId: customer.id, page, ...(value ? { value } : {}) },
        replyToId,
      });
      expect(res.status).toBe(200);
      expectValidCard(res.body.value);
      return res.body.value;
    };
    card = await next('summary');
    expect(JSON.stringify(card)).toContain('SIP address name');
    card = await next('calling-setup', 'initech');
    expect(JSON.stringify(card)).toContain('Country or region');
    card = await next('country', 'GB');
    expect(cardText(card)).toContain("You can't change the country of operation");
    card = await next('confirm-country');
    card = await next('timezone', 'Europe/London');
    card = await next('platform', 'webex-contact-center');
    expect(JSON.stringify(card)).toContain('using VPOP (legacy, not recommended)');
    card = await next('telephony', 'webex-calling');
    expect(JSON.stringify(card.actions)).toContain('Go back and edit');
    card = await next('review');
    expect(cardText(card)).toContain(`Services setup for ${customer.name} submitted`);
    expect((await bot.api('GET', `/api/customers/${customer.id}/services-setup`)).body.state).toBe('submitted');
  });

  it('refuses a change of the confirmed country in words on the card, and keeps it', async () => {
    const customer = newCustomer();
    await bot.api('PUT', `/api/customers/${customer.id}/services-setup`, { countryOfOperation: 'GB', confirmCountry: true });
    await say(bot, chat(), CARLA, `services setup ${customer.name}`);
    const replyToId = bot.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === chat().conversationId).at(-1)!.reply
      .id as string;
    const res = await click(bot, chat(), CARLA, {
      verb: 'services-setup.next',
      data: { customerId: customer.id, page: 'country', value: 'DE' },
      replyToId,
    });
    expect(cardText(res.body.value)).toContain("the country of operation can't be changed after confirmation");
    expect((await bot.api('GET', `/api/customers/${customer.id}/services-setup`)).body.countryOfOperation).toBe('GB');
  });

  it('ends the customer administrator’s other replies with the reminder line', async () => {
    newCustomer();
    const card = await say(bot, chat(), CARLA, 'help');
    expect(cardText(card)).toMatch(/Your services setup for Initech \d+ is not finished: services setup Initech \d+/);
  });
});
