import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalChat, rosterEntry } from '../../fakes/bot-activities';
import { ScriptedCustomerProvisioning } from '../../fakes/scripted-customer-provisioning';
import { templateInput } from '../../fixtures/onboarding';
import { click, say } from './conversation';
import { expectValidCard } from './expect-valid-card';
import { startTeamsBot } from './teams-bot';
import { cardOf, cardText, clickData, verbsOf } from './teams-e2e-helpers';
import { DOMAIN, OTTO } from './workflow-people';

/**
 * "Creation is asynchronous: the reply is immediate, and one message in the
 * conversation is updated in place", then "Set up the services now" answers with the
 * wizard's first card, as `services setup <customer>` does.
 */
describe('a customer created in Teams', () => {
  const webex = new ScriptedCustomerProvisioning();
  let bot: Awaited<ReturnType<typeof startTeamsBot>>;
  let templateId: string;
  const otto = () => personalChat(bot.connector.url, OTTO);

  beforeAll(async () => {
    bot = await startTeamsBot({ roster: [OTTO].map(rosterEntry), customerProvisioning: webex });
    await bot.api('POST', '/api/users', { email: OTTO.email, name: OTTO.name, roles: [{ role: 'Administrator', domain: DOMAIN }] });
    templateId = (await bot.api('POST', '/api/templates', templateInput({ domain: DOMAIN, name: 'Status calling' }))).body.id;
  });
  afterAll(() => bot?.stop());

  async function create(name: string) {
    await say(bot, otto(), OTTO, 'customer create');
    const form = bot.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === otto().conversationId).at(-1)!;
    const data = {
      name,
      adminEmail: 'it@umbrella.example',
      templateId,
      packages: 'webex_calling,webex_meetings',
      addressLine1: '5 Hive Road',
      city: 'Raccoon City',
      country: 'US',
      supportedLocationVerified: 'true',
    };
    // Next answers with the review card; its Create customer creates the customer.
    const review = (await click(bot, otto(), OTTO, { verb: 'onboarding.customer.submit', data, replyToId: form.reply.id })).body.value;
    const createData = clickData(review, 'onboarding.customer.create');
    const res = await click(bot, otto(), OTTO, { verb: 'onboarding.customer.create', data: createData, replyToId: form.reply.id });
    expect(cardText(res.body.value)).toContain(`Creating ${name}`);
  }

  it('posts one status card, updates that activity in place with each package, and its button opens the wizard', async () => {
    webex.nextPolls = [
      {
        status: 'provisioned_with_errors',
        orgId: 'org-umbrella',
        packages: [
          {
            name: 'webex_calling',
            status: 'error',
            warnings: [],
            errors: [{ code: '7001', description: 'No PSTN was found for the location.' }],
          },
          { name: 'webex_meetings', status: 'provisioned', warnings: [], errors: [] },
        ],
      },
    ];
    await create('Umbrella Status');
    const posted = await bot.connector.waitFor(
      (c) =>
        c.method === 'POST' && c.conversationId === otto().conversationId && cardText(cardOf(c)).includes('Umbrella Status: Provisioning'),
    );
    expect(cardText(cardOf(posted))).toContain('5 Hive Road, Raccoon City');
    expect(verbsOf(cardOf(posted))).toEqual([]);
    const activityId = posted.reply.id as string;

    await bot.pollCustomers();
    const put = await bot.connector.waitFor((c) => c.method === 'PUT' && c.activityId === activityId);
    expect(put.conversationId).toBe(otto().conversationId);
    const card = cardOf(put);
    expectValidCard(card);
    expect(cardText(card)).toContain('Umbrella Status: Provisioned with errors');
    expect(cardText(card)).toContain('No PSTN was found for the location.');
    expect(cardText(card)).toContain('Set up the services for Umbrella Status now?');
    const statusPosts = bot.connector.calls.filter((c) => c.method === 'POST' && cardText(cardOf(c) ?? {}).includes('Umbrella Status:'));
    expect(statusPosts).toHaveLength(1);

    const res = await click(bot, otto(), OTTO, {
      verb: 'services-setup.open',
      data: clickData(card, 'services-setup.open'),
      replyToId: activityId,
    });
    expect(res.status).toBe(200);
    const wizard = res.body.value;
    expectValidCard(wizard);
    expect(verbsOf(wizard)).toContain('services-setup.next');
    expect(cardText(wizard)).toContain('Umbrella Status');
  });

  it('updates the status card to Error with no button', async () => {
    webex.nextPolls = [{ status: 'error' }];
    await create('Umbrella Failed');
    const posted = await bot.connector.waitFor(
      (c) => c.method === 'POST' && cardText(cardOf(c) ?? {}).includes('Umbrella Failed: Provisioning'),
    );
    await bot.pollCustomers();
    const put = await bot.connector.waitFor((c) => c.method === 'PUT' && c.activityId === posted.reply.id);
    expect(cardText(cardOf(put))).toContain('Umbrella Failed: Error');
    expect(verbsOf(cardOf(put))).toEqual([]);
  });
});
