import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalChat, rosterEntry, teamsUser } from '../../fakes/bot-activities';
import { FixedClock } from '../../fakes/fixed-clock';
import { InMemoryCustomerDirectory } from '../../fakes/in-memory-services-setup';
import { pdfText } from '../../fakes/pdf-text';
import { customerForSetup } from '../../fixtures/customers-for-setup';
import { click, say } from './conversation';
import { expectValidCard } from './expect-valid-card';
import { startTeamsBot } from './teams-bot';
import { cardText } from './teams-e2e-helpers';

const CARLA = teamsUser('carla', 'Carla Customer', 'carla@globex.example');

/**
 * After Submit in Teams: the progress card is posted to the submitter's personal chat
 * and replaced in place as the setup advances; on completion a card links to the order
 * summary PDF the bot serves behind a signed, expiring token (Teams takes no file from a
 * bot without a consent card).
 */
describe('services setup progress and order summary in Teams', () => {
  let bot: Awaited<ReturnType<typeof startTeamsBot>>;
  const clock = new FixedClock(new Date());
  const customers = new InMemoryCustomerDirectory();
  const chat = () => personalChat(bot.connector.url, CARLA);
  let seq = 0;
  const newCustomer = () => customers.add(customerForSetup({ id: `cust-pdf-${++seq}`, name: `Initech PDF ${seq}` }));
  const posts = () => bot.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === chat().conversationId);
  const card = (call: { body: any }) => call.body.attachments?.[0]?.content;
  /** The link's path on the bot under test: the link names the bot's public URL. */
  const onBot = (url: string) => `${bot.url}${new URL(url).pathname}`;
  const openUrl = (c: any): string => c.actions.find((a: any) => a.type === 'Action.OpenUrl').url;

  beforeAll(async () => {
    bot = await startTeamsBot({ roster: [CARLA].map(rosterEntry), customers, clock });
    await bot.api('POST', '/api/users', { email: CARLA.email, name: CARLA.name, roles: [] });
  });
  afterAll(() => bot?.stop());

  async function submitInTeams() {
    const customer = newCustomer();
    await bot.api('PUT', `/api/customers/${customer.id}/services-setup`, {
      countryOfOperation: 'GB',
      confirmCountry: true,
      timezone: 'Europe/London',
      platform: 'webex-contact-center',
      telephony: 'webex-calling',
    });
    await say(bot, chat(), CARLA, `services setup ${customer.id}`);
    const replyToId = posts().at(-1)!.reply.id as string;
    const res = await click(bot, chat(), CARLA, {
      verb: 'services-setup.next',
      data: { customerId: customer.id, page: 'review' },
      replyToId,
    });
    expect(cardText(res.body.value)).toContain(`Services setup for ${customer.name} submitted`);
    return customer;
  }

  it('posts the progress card, replaces it on completion, and links to the PDF, which opens with its token only', async () => {
    const customer = await submitInTeams();
    const progress = await bot.connector.waitFor(
      (c) =>
        c.method === 'POST' && c.conversationId === chat().conversationId && cardText(card(c) ?? {}).includes(`${customer.name} submitted`),
    );
    expectValidCard(card(progress));

    clock.advanceMinutes(10);
    await bot.setupTick();
    const put = await bot.connector.waitFor((c) => c.method === 'PUT' && c.activityId === progress.reply.id);
    expect(cardText(card(put))).toContain(`Services setup for ${customer.name} completed`);
    const summary = await bot.connector.waitFor(
      (c) => c.method === 'POST' && cardText(card(c) ?? {}).includes(`Order summary for ${customer.name}`),
    );
    expectValidCard(card(summary));
    const link = onBot(openUrl(card(summary)));

    const pdf = await fetch(link);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdfText(Buffer.from(await pdf.arrayBuffer()))).toContain(customer.name);

    const forged = await fetch(`${link.slice(0, -3)}${link.endsWith('AAA') ? 'BBB' : 'AAA'}`);
    expect(forged.status).toBe(404);
    const words = await forged.text();
    expect(words).toContain('This order summary link is not valid or has expired');
    expect(words).not.toContain(customer.id);
    expect((await fetch(`${bot.url}/links/order-summary/`)).status).toBe(404);
  });

  it('answers customer summary with the same link card, and the link stops working once it expires', async () => {
    const customer = await submitInTeams();
    const reply = await say(bot, chat(), CARLA, `customer summary ${customer.id}`);
    expectValidCard(reply);
    expect(cardText(reply)).toContain(`Order summary for ${customer.name}`);
    const link = onBot(openUrl(reply));
    expect((await fetch(link)).status).toBe(200);
    clock.advanceDays(8);
    const expired = await fetch(link);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toContain('not valid or has expired');
  });
});
