import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalChat, rosterEntry } from '../../fakes/bot-activities';
import { templateInput } from '../../fixtures/onboarding';
import { click, say } from './conversation';
import { expectValidCard } from './expect-valid-card';
import { startTeamsBot } from './teams-bot';
import { cardText, inputsOf, verbsOf } from './teams-e2e-helpers';
import { DOMAIN, OTTO } from './workflow-people';

/** `customer create` and `template create` typed to the bot: the form cards, their Action.Execute invokes, and what comes back. */
describe('the onboarding form cards against the running bot', () => {
  let bot: Awaited<ReturnType<typeof startTeamsBot>>;
  let templateId: string;
  const otto = () => personalChat(bot.connector.url, OTTO);
  const customers = async () => (await bot.api('GET', '/api/customers')).body as { name: string }[];
  const open = async (text: string) => {
    const card = await say(bot, otto(), OTTO, text);
    const reply = bot.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === otto().conversationId).at(-1)!;
    return { card, replyToId: reply.reply.id as string };
  };
  const submit = (verb: string, replyToId: string, data: Record<string, string>) => click(bot, otto(), OTTO, { verb, data, replyToId });
  const good = () => ({
    name: 'Umbrella',
    adminEmail: 'it@umbrella.example',
    templateId,
    packages: 'webex_calling,webex_meetings',
    addressLine1: '5 Hive Road',
    city: 'Raccoon City',
    country: 'US',
    supportedLocationVerified: 'true',
  });

  beforeAll(async () => {
    bot = await startTeamsBot({ roster: [OTTO].map(rosterEntry) });
    await bot.api('POST', '/api/users', { email: OTTO.email, name: OTTO.name, roles: [{ role: 'Administrator', domain: DOMAIN }] });
    templateId = (await bot.api('POST', '/api/templates', templateInput({ domain: DOMAIN }))).body.id;
  });
  afterAll(() => bot?.stop());

  it('answers `customer create` with a form card: template, packages by label (several), country and the location box', async () => {
    const { card } = await open('customer create');
    expectValidCard(card);
    const inputs = inputsOf(card);
    expect(inputs.packages).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true });
    expect(inputs.supportedLocationVerified).toMatchObject({ type: 'Input.Toggle', isRequired: true });
    expect(JSON.stringify(inputs.packages)).toContain('Webex Calling');
    expect(verbsOf(card)).toEqual(['onboarding.customer.submit']);
  });

  it('shows the unchecked location box’s message under it, keeps what was typed, and creates nothing', async () => {
    const { replyToId } = await open('customer create');
    const before = await customers();
    const res = await submit('onboarding.customer.submit', replyToId, { ...good(), supportedLocationVerified: 'false' });
    const form = res.body.value;
    expectValidCard(form);
    const box = form.body.findIndex((e: { id?: string }) => e.id === 'supportedLocationVerified');
    expect(form.body.slice(box + 1, box + 3)).toContainEqual(
      expect.objectContaining({ color: 'Attention', text: expect.stringContaining('supported location') }),
    );
    expect(inputsOf(form).name.value).toBe('Umbrella');
    expect(await customers()).toEqual(before);
  });

  it('creates the customer from a good form and replaces the form with the news that Webex is creating it', async () => {
    const { replyToId } = await open('customer create');
    const res = await submit('onboarding.customer.submit', replyToId, { ...good(), name: 'Umbrella Two' });
    const done = res.body.value;
    expectValidCard(done);
    expect(cardText(done)).toContain('Creating Umbrella Two');
    expect(cardText(done)).toContain('status message');
    expect(await customers()).toContainEqual(expect.objectContaining({ name: 'Umbrella Two' }));
  });

  it('creates a template from its card, with the PSTN caution shown and the Provisioning ID in monospace', async () => {
    const { card, replyToId } = await open('template create');
    expectValidCard(card);
    expect(cardText(card)).toContain('Cisco does not recommend using this optional template setting');
    const data = {
      name: 'Branch offices',
      subscriptionId: 'Sub-200',
      authenticationMethod: 'sso',
      language: 'en_US',
      timezone: 'Europe/Paris',
      packages: 'webex_meetings',
    };
    const bad = (await submit('onboarding.template.submit', replyToId, { ...data, timezone: 'Mars/Base' })).body.value;
    expect(cardText(bad)).toContain('time zone such as Europe/Paris');
    const made = (await submit('onboarding.template.submit', replyToId, data)).body.value;
    expectValidCard(made);
    expect(cardText(made)).toContain('Branch offices created');
    expect(JSON.stringify(made)).toContain('"fontType":"Monospace"');
  });
});
