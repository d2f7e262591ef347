import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalChat, rosterEntry, teamsUser } from '../../fakes/bot-activities';
import type { TeamsTestUser } from '../../fakes/bot-activities';
import { InMemoryCustomerDirectory } from '../../fakes/in-memory-services-setup';
import { customerForSetup, PARTNER_DOMAIN } from '../../fixtures/customers-for-setup';
import { click, say } from './conversation';
import { expectValidCard } from './expect-valid-card';
import { startTeamsBot } from './teams-bot';
import { cardOf, cardText } from './teams-e2e-helpers';

/** The partner domain's Administrator, and a member of it who is not one (nor the customer's administrator). */
const PAT = teamsUser('pat', 'Pat Partner', 'pat@acme-partner.example');
const MONA = teamsUser('mona', 'Mona Member', 'mona@acme-partner.example');

/**
 * "Anyone else gets the same access-request treatment as the partner flows (the request
 * goes to the domain's administrators)": Mona fills the wizard card, its review says
 * Submit only asks (and whom), her Submit asks Pat, Pat approves, the setup is
 * submitted as Mona's and she is told.
 */
describe("a partner member's services setup Submit in Teams", () => {
  let bot: Awaited<ReturnType<typeof startTeamsBot>>;
  const customers = new InMemoryCustomerDirectory();
  const chat = (u: TeamsTestUser) => personalChat(bot.connector.url, u);
  let seq = 0;
  const newCustomer = () => customers.add(customerForSetup({ id: `cust-teams-access-${++seq}`, name: `Globex Teams ${seq}` }));
  const setupOf = async (customerId: string) => (await bot.api('GET', `/api/customers/${customerId}/services-setup`)).body;
  const postTo = (u: TeamsTestUser, skip: number, text: string) =>
    bot.connector.waitFor(
      (c) =>
        bot.connector.calls.indexOf(c) >= skip &&
        c.method === 'POST' &&
        c.conversationId === chat(u).conversationId &&
        c.body?.type === 'message' &&
        JSON.stringify(c.body).includes(text),
    );

  beforeAll(async () => {
    bot = await startTeamsBot({ roster: [PAT, MONA].map(rosterEntry), customers });
    for (const [u, role] of [
      [PAT, 'Administrator'],
      [MONA, 'Ordering'],
    ] as const) {
      const created = await bot.api('POST', '/api/users', { email: u.email, name: u.name, roles: [{ role, domain: PARTNER_DOMAIN }] });
      expect(created.status).toBeLessThan(300);
    }
    // Pat has talked to the bot once, so it can reach him in his personal chat.
    await say(bot, chat(PAT), PAT, 'help');
  });
  afterAll(() => bot?.stop());

  /** `who` walks the wizard card up to its review; the review card and the id of the message it updates. */
  async function fillToReview(who: TeamsTestUser, customer: { id: string; name: string }) {
    await say(bot, chat(who), who, `services setup ${customer.name}`);
    const replyToId = bot.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === chat(who).conversationId).at(-1)!.reply
      .id as string;
    const next = async (page: string, value?: string) => {
      const res = await click(bot, chat(who), who, {
        verb: 'services-setup.next',
        data: { customerId: customer.id, page, ...(value ? { value } : {}) },
        replyToId,
      });
      expect(res.status).toBe(200);
      return res.body.value;
    };
    await next('summary');
    await next('calling-setup', 'globex');
    await next('country', 'GB');
    await next('confirm-country');
    await next('timezone', 'Europe/London');
    await next('platform', 'webex-contact-center');
    const review = await next('telephony', 'webex-calling');
    expectValidCard(review);
    return { review, next };
  }
  const submitTitle = (card: { actions: { verb: string; title: string }[] }) =>
    card.actions.find((a) => a.verb === 'services-setup.next')?.title;

  it('the review says Submit asks Pat; pressing it asks, Pat approves, the setup is submitted as Mona’s and Mona told', async () => {
    const customer = newCustomer();
    const { review, next } = await fillToReview(MONA, customer);
    expect(submitTitle(review)).toBe('Ask the administrators');
    expect(cardText(review)).toContain(
      `You don't hold the Administrator role in ${PARTNER_DOMAIN}: this sends your services setup to its administrators (Pat Partner), and I'll tell you their answer.`,
    );
    const draft = await setupOf(customer.id);
    const seen = bot.connector.calls.length;

    const asked = await next('review');
    expect(cardText(asked)).toContain(
      `You need the Administrator role in ${PARTNER_DOMAIN} to submit the services setup of ${customer.name}; I've asked its administrators (Pat Partner)`,
    );
    expect(await setupOf(customer.id)).toEqual(draft);

    const toPat = await postTo(PAT, seen, 'access.approve');
    expect(cardText(cardOf(toPat))).toContain(
      `Mona Member (mona@acme-partner.example) asks to submit the services setup of ${customer.name}`,
    );
    const requestId = cardOf(toPat).actions[0].data.requestId;
    const approved = await click(bot, chat(PAT), PAT, { verb: 'access.approve', data: { requestId }, replyToId: toPat.reply.id });
    expect(approved.status).toBe(200);

    const told = await postTo(MONA, seen, 'approved your request');
    expect(cardText(cardOf(told))).toContain(`Pat Partner approved your request to submit the services setup of ${customer.name}`);
    expect(cardText(cardOf(told))).toContain(`Services setup of ${customer.name} submitted`);
    expect(await setupOf(customer.id)).toMatchObject({ state: 'submitted', submittedBy: MONA.email });
  });

  it('an administrator’s review keeps Submit and says nothing about asking', async () => {
    const { review } = await fillToReview(PAT, newCustomer());
    expect(submitTitle(review)).toBe('Submit');
    expect(cardText(review)).not.toContain('Administrator role');
  });
});
