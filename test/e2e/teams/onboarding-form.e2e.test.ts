import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedProvisioning } from '../../../adapters/webex/simulated-provisioning';
import { personalChat, rosterEntry } from '../../fakes/bot-activities';
import { templateInput } from '../../fixtures/onboarding';
import { click, say } from './conversation';
import { expectValidCard } from './expect-valid-card';
import { startTeamsBot } from './teams-bot';
import { cardText, clickData, inputsOf, verbsOf } from './teams-e2e-helpers';
import { DOMAIN, OTTO } from './workflow-people';

/** `customer create` and `template create` typed to the bot: the form cards, their review cards, their Action.Execute invokes. */
describe('the onboarding form cards against the running bot', () => {
  const webex = createSimulatedProvisioning();
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
    bot = await startTeamsBot({ roster: [OTTO].map(rosterEntry), customerProvisioning: webex });
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

  it('answers `customer users <customer>` with the API route that takes the CSV file, since Teams cannot share one with the bot', async () => {
    const { card } = await open('customer users Umbrella');
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('Add users to Umbrella from a CSV file');
    expect(text).toContain('POST /api/customers/{customer id}/users.csv');
    expect(text).toContain('GET /api/customers lists the ids');
    expect(verbsOf(card)).toEqual([]);
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

  /** The Edit buttons of a review card, by the section they go back to. */
  const editsOf = (card: any): Record<string, any> =>
    Object.fromEntries(
      card.body.flatMap((c: any) =>
        (c.items ?? []).filter((e: any) => e.type === 'ActionSet').map((e: any) => [e.actions[0].data.section, e.actions[0]]),
      ),
    );

  it('answers Next with the review card: sections, the precheck in words, an Edit each, Create customer; nothing created yet', async () => {
    const { replyToId } = await open('customer create');
    const before = await customers();
    const review = (await submit('onboarding.customer.submit', replyToId, { ...good(), name: 'Umbrella Review' })).body.value;
    expectValidCard(review);
    const text = cardText(review);
    for (const words of [
      'Customer information',
      'Packages: Webex Calling, Webex Meetings',
      'Headquarters location',
      'Country: United States',
    ])
      expect(text).toContain(words);
    expect(text).toContain('Webex’s precheck found nothing that stops creating Umbrella Review in United States.');
    expect(Object.keys(editsOf(review))).toEqual(['information', 'packages', 'headquarters']);
    expect(verbsOf(review)).toEqual(['onboarding.customer.create']);
    expect(await customers()).toEqual(before);
  });

  it('Edit brings the form back filled with the draft; Next and Create customer create it and say a status message follows', async () => {
    const { replyToId } = await open('customer create');
    const review = (await submit('onboarding.customer.submit', replyToId, { ...good(), name: 'Umbrella Two' })).body.value;
    const edit = editsOf(review).packages;
    const form = (await submit(edit.verb, replyToId, edit.data)).body.value;
    expectValidCard(form);
    expect(cardText(form)).toContain('Change the packages, then Next shows the review again.');
    expect(inputsOf(form).packages.value).toBe('webex_calling,webex_meetings');
    expect(inputsOf(form).name.value).toBe('Umbrella Two');
    expect(await customers()).not.toContainEqual(expect.objectContaining({ name: 'Umbrella Two' }));

    const again = (await submit('onboarding.customer.submit', replyToId, { ...good(), name: 'Umbrella Two', packages: 'webex_meetings' }))
      .body.value;
    expect(cardText(again)).toContain('Packages: Webex Meetings');
    const done = (await submit('onboarding.customer.create', replyToId, clickData(again, 'onboarding.customer.create'))).body.value;
    expectValidCard(done);
    expect(cardText(done)).toContain('Creating Umbrella Two');
    expect(cardText(done)).toContain('status message');
    expect(await customers()).toContainEqual(expect.objectContaining({ name: 'Umbrella Two' }));
  });

  it('keeps the form with a precheck finding under the headquarters address, and creates nothing', async () => {
    const { replyToId } = await open('customer create');
    webex.injectFailure({ kind: 'precheck', country: 'CA', findings: ['The postal code does not match the city.'] });
    const before = await customers();
    const form = (await submit('onboarding.customer.submit', replyToId, { ...good(), name: 'Umbrella North', country: 'CA' })).body.value;
    webex.clearFailures();
    expectValidCard(form);
    const line1 = form.body.findIndex((e: { id?: string }) => e.id === 'addressLine1');
    expect(form.body[line1 + 1]).toMatchObject({ color: 'Attention', text: 'The postal code does not match the city.' });
    expect(await customers()).toEqual(before);
  });

  it('brings the form back with the finding under the address when Create customer is refused after the review', async () => {
    const { replyToId } = await open('customer create');
    const review = (await submit('onboarding.customer.submit', replyToId, { ...good(), name: 'Umbrella Late', country: 'GB' })).body.value;
    webex.injectFailure({ kind: 'precheck', country: 'GB', findings: ['This address is now under review.'] });
    const before = await customers();
    const form = (await submit('onboarding.customer.create', replyToId, clickData(review, 'onboarding.customer.create'))).body.value;
    webex.clearFailures();
    expectValidCard(form);
    const line1 = form.body.findIndex((e: { id?: string }) => e.id === 'addressLine1');
    expect(form.body[line1 + 1]).toMatchObject({ color: 'Attention', text: 'This address is now under review.' });
    expect(inputsOf(form).name.value).toBe('Umbrella Late');
    expect(await customers()).toEqual(before);
  });

  it('creates a template through its review, with the PSTN caution shown and the Provisioning ID in monospace', async () => {
    const { card, replyToId } = await open('template create');
    expectValidCard(card);
    expect(cardText(card)).toContain('Cisco does not recommend using this optional template setting');
    const data = {
      name: 'Branch offices',
      subscriptionId: 'Sub-200',
      authenticationMethod: 'sso',
      pstnVendor: 'Acme PSTN',
      language: 'en_US',
      timezone: 'Europe/Paris',
      packages: 'webex_meetings',
    };
    const bad = (await submit('onboarding.template.submit', replyToId, { ...data, timezone: 'Mars/Base' })).body.value;
    expect(cardText(bad)).toContain('time zone such as Europe/Paris');
    const review = (await submit('onboarding.template.submit', replyToId, data)).body.value;
    expectValidCard(review);
    expect(cardText(review)).toContain('Cloud Connected PSTN vendor: Acme PSTN');
    expect(cardText(review)).toContain('Cisco does not recommend using this optional template setting');
    expect(Object.keys(editsOf(review))).toEqual(['primary', 'authentication', 'pstn', 'settings', 'packages']);
    const templates = async () => ((await bot.api('GET', '/api/templates')).body as { name: string }[]).map((t) => t.name);
    expect(await templates()).not.toContain('Branch offices');
    const made = (await submit('onboarding.template.create', replyToId, clickData(review, 'onboarding.template.create'))).body.value;
    expectValidCard(made);
    expect(cardText(made)).toContain('Branch offices created');
    expect(JSON.stringify(made)).toContain('"fontType":"Monospace"');
  });
});
