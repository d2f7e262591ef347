import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingSlackApi } from '../../../scripts/bench/slack/recording-slack-api';
import type { Typed } from '../../../scripts/bench/slack/slack-interactions';
import { freshTriggerId, modalButtonClickBody, viewSubmissionBody } from '../../../scripts/bench/slack/slack-interactions';
import { postSigned, slashCommandBody } from '../../../scripts/bench/slack/slack-signing';
import { customerForSetup, PARTNER_DOMAIN } from '../../fixtures/customers-for-setup';
import { FixedClock } from '../../fakes/fixed-clock';
import { InMemoryCustomerDirectory } from '../../fakes/in-memory-services-setup';
import { pdfText } from '../../fakes/pdf-text';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';

const SECRET = 'e2e-setup-signing-secret-0123456789';
const CARLA = { email: 'carla@globex.example', name: 'Carla Customer', slackUserId: 'UCARLA', roles: [] };
const PAT = {
  email: 'pat@acme-partner.example',
  name: 'Pat Partner',
  slackUserId: 'UPAT',
  roles: [{ role: 'Administrator', domain: PARTNER_DOMAIN }],
};
type Person = { slackUserId: string; name: string };
const user = (p: Person) => ({ id: p.slackUserId, name: p.name });

const clock = new FixedClock(new Date());
const customers = new InMemoryCustomerDirectory();
let api: RecordingSlackApi;
let bot: TestBot;
beforeAll(async () => {
  api = await RecordingSlackApi.start();
  bot = await startTestBot(
    { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: `${api.url}/api/` },
    { clock, customers },
  );
  for (const p of [CARLA, PAT]) expect((await bot.api('POST', '/api/users', p)).status).toBeLessThan(300);
});
afterAll(async () => {
  await bot?.stop();
  await api?.stop();
});

let seq = 0;
const newCustomer = (overrides: Parameters<typeof customerForSetup>[0] = {}) => {
  seq += 1;
  return customers.add(customerForSetup({ id: `cust-slack-${seq}`, name: `Globex ${seq}`, ...overrides }));
};

const events = () => `${bot.url}/slack/events`;
async function command(who: Person, text: string) {
  const responseUrl = api.responseUrl();
  const body = slashCommandBody({ text, user: user(who), responseUrl, channelId: 'C0SETUP' }).replace(
    /trigger_id=[^&]*/,
    `trigger_id=${encodeURIComponent(freshTriggerId())}`,
  );
  expect((await postSigned(events(), body, { secret: SECRET })).status).toBe(200);
  return responseUrl;
}
async function submit(who: Person, view: Record<string, unknown>, typed: Record<string, Typed> = {}) {
  const res = await postSigned(events(), viewSubmissionBody({ user: user(who), view, typed }), { secret: SECRET });
  expect(res.status).toBe(200);
  const text = await res.text();
  return (text ? JSON.parse(text) : {}) as { response_action?: string; view?: Record<string, unknown>; errors?: Record<string, string> };
}
const modalText = (view: Record<string, unknown> | undefined) => JSON.stringify(view?.blocks ?? []);

describe('services setup wizard in Slack', () => {
  it('walks the customer administrator through every page to Submit, then reports in the conversation', async () => {
    const customer = newCustomer();
    const opened = api.callsTo('views.open').length;
    await command(CARLA, `services setup ${customer.name}`);
    const open = await api.waitFor(() => api.callsTo('views.open')[opened]);
    let view = open.answer.view as Record<string, unknown>;
    expect(modalText(view)).toContain('Webex Contact Center Premium Agent');

    const pages: [string, Record<string, Typed>][] = [
      ['SIP address name', {}],
      ['Country or region', { 'setup-input': 'globex' }],
      ["can't change the country of operation", { 'setup-input': { option: 'GB' } }],
      ['Time zone', {}],
      ['Platform', { 'setup-input': { option: 'Europe/London' } }],
      ['legacy, not recommended', { 'setup-input': { option: 'webex-contact-center' } }],
      ['Go back and edit', { 'setup-input': { option: 'webex-calling' } }],
    ];
    for (const [expected, typed] of pages) {
      const answer = await submit(CARLA, view, typed);
      expect(answer.response_action, expected).toBe('update');
      view = answer.view!;
      expect(modalText(view)).toContain(expected);
    }
    expect(await submit(CARLA, view)).toEqual({ response_action: 'clear' });
    const posted = await api.waitFor(() =>
      api.callsTo('chat.postMessage').find((c) => c.args.channel === 'C0SETUP' && String(c.args.text).includes(customer.name)),
    );
    expect(String(posted.args.text)).toContain(`Services setup for ${customer.name} submitted`);
    expect((await bot.api('GET', `/api/customers/${customer.id}/services-setup`)).body).toMatchObject({
      state: 'submitted',
      countryOfOperation: 'GB',
      telephony: 'webex-calling',
    });
  });

  it('Go back and edit on the review replaces the modal with the page it names', async () => {
    const customer = newCustomer();
    const opened = api.callsTo('views.open').length;
    await command(CARLA, `services setup ${customer.name}`);
    const first = (await api.waitFor(() => api.callsTo('views.open')[opened])).answer.view as Record<string, unknown>;
    const review = { ...first, private_metadata: JSON.stringify({ customerId: customer.id, page: 'review', channel: 'C0SETUP' }) };
    const updates = api.callsTo('views.update').length;
    const click = modalButtonClickBody({ user: user(CARLA), view: review, actionId: 'services-setup.back', value: 'calling-setup' });
    expect((await postSigned(events(), click, { secret: SECRET })).status).toBe(200);
    const update = await api.waitFor(() => api.callsTo('views.update')[updates]);
    expect(update.answer.ok).toBe(true);
    expect(update.args.view_id).toBe(first.id);
    expect(modalText(update.args.view as Record<string, unknown>)).toContain('SIP address name');
  });

  it('refuses a change of the confirmed country in words under the country, and keeps it', async () => {
    const customer = newCustomer();
    await bot.api('PUT', `/api/customers/${customer.id}/services-setup`, { countryOfOperation: 'GB', confirmCountry: true });
    const opened = api.callsTo('views.open').length;
    await command(CARLA, `services setup ${customer.name}`);
    const summary = (await api.waitFor(() => api.callsTo('views.open')[opened])).answer.view as Record<string, unknown>;
    // A modal built before the confirmation: the country page still offers the select.
    const stale = { ...summary, private_metadata: JSON.stringify({ customerId: customer.id, page: 'country', channel: 'C0SETUP' }) };
    const countryPage = {
      ...stale,
      blocks: [{ type: 'input', block_id: 'setup-input', element: { type: 'static_select', action_id: 'value' } }],
    };
    const answer = await submit(CARLA, countryPage, { 'setup-input': { option: 'DE' } });
    expect(answer).toEqual({
      response_action: 'errors',
      errors: { 'setup-input': expect.stringContaining("the country of operation can't be changed after confirmation") },
    });
    expect((await bot.api('GET', `/api/customers/${customer.id}/services-setup`)).body.countryOfOperation).toBe('GB');
  });

  it('ends a customer administrator’s other replies with the reminder line', async () => {
    const customer = newCustomer();
    const reply = await command(CARLA, 'help');
    const [body] = await api.waitFor(() => (api.responsesTo(reply).length ? api.responsesTo(reply).map((r) => r.body) : null));
    const text = JSON.stringify(body);
    // Carla administers every customer of this file: the reply names one unfinished setup, once.
    expect(customer.adminEmail).toBe(CARLA.email);
    expect(text).toMatch(/Your services setup for Globex \d+ is not finished: \/prov services setup Globex \d+/);
    expect(text.split('is not finished').length).toBe(2);
  });

  it('posts the order summary PDF in the conversation with customer summary', async () => {
    const customer = newCustomer();
    const path = `/api/customers/${customer.id}/services-setup`;
    await bot.api('PUT', path, {
      countryOfOperation: 'GB',
      confirmCountry: true,
      platform: 'webex-contact-center',
      telephony: 'webex-calling',
    });
    expect((await bot.api('POST', `${path}/submit`)).status).toBe(202);
    await command(PAT, `customer summary ${customer.id}`);
    const done = await api.waitFor(() =>
      api.callsTo('files.completeUploadExternal').find((c) => c.args.channel_id === 'C0SETUP' && c.answer.ok),
    );
    const fileId = (done.answer.files as { id: string }[])[0]!.id;
    expect(pdfText(api.uploads.get(fileId)!)).toContain(customer.name);
  });

  it('tells the user which Slack permission is missing, and the fix, when the app was installed without files:write', async () => {
    const customer = newCustomer();
    const path = `/api/customers/${customer.id}/services-setup`;
    await bot.api('PUT', path, {
      countryOfOperation: 'GB',
      confirmCountry: true,
      platform: 'webex-contact-center',
      telephony: 'webex-calling',
    });
    expect((await bot.api('POST', `${path}/submit`)).status).toBe(202);
    api.failing.set('files.getUploadURLExternal', 'missing_scope');
    try {
      const responseUrl = await command(PAT, `customer summary ${customer.id}`);
      const [reply] = await api.waitFor(() => (api.responsesTo(responseUrl).length ? api.responsesTo(responseUrl) : null));
      const text = JSON.stringify(reply!.body);
      expect(text).toContain("I couldn't post the order summary PDF here because provbot's Slack app lacks the files:write permission");
      expect(text).toContain('reinstall the app');
      expect(text).not.toMatch(/Something went wrong|missing_scope/);
    } finally {
      api.failing.delete('files.getUploadURLExternal');
    }
  });

  it('reports progress in the submitter’s DM, updates it in place, and uploads the order summary PDF there on completion', async () => {
    const customer = newCustomer();
    await bot.api('PUT', `/api/customers/${customer.id}/services-setup`, {
      countryOfOperation: 'GB',
      confirmCountry: true,
      platform: 'webex-contact-center',
      telephony: 'webex-calling',
    });
    const opened = api.callsTo('views.open').length;
    await command(PAT, `services setup ${customer.id}`);
    const summaryPage = (await api.waitFor(() => api.callsTo('views.open')[opened])).answer.view as Record<string, unknown>;
    // Every page answered through the API: the modal is submitted from its Review page.
    const review = { ...summaryPage, private_metadata: JSON.stringify({ customerId: customer.id, page: 'review', channel: 'C0SETUP' }) };
    expect(await submit(PAT, review)).toEqual({ response_action: 'clear' });

    const progress = await api.waitFor(() =>
      api.callsTo('chat.postMessage').find((c) => c.args.channel === PAT.slackUserId && String(c.args.text).includes(customer.name)),
    );
    expect(String(progress.args.text)).toContain(`Services setup for ${customer.name} submitted`);
    const { channel, ts } = progress.answer as { channel: string; ts: string };

    clock.advanceMinutes(10);
    await bot.setupTick();
    const updated = await api.waitFor(() =>
      api.callsTo('chat.update').find((c) => c.args.channel === channel && c.args.ts === ts && c.answer.ok),
    );
    expect(String(updated.args.text)).toContain(`Services setup for ${customer.name} completed`);
    const done = await api.waitFor(() =>
      api.callsTo('files.completeUploadExternal').find((c) => c.args.channel_id === channel && c.answer.ok),
    );
    const opens = api.callsTo('conversations.open').filter((c) => c.args.users === PAT.slackUserId);
    expect(opens.length).toBeGreaterThan(0);
    const fileId = (done.answer.files as { id: string }[])[0]!.id;
    const text = pdfText(api.uploads.get(fileId)!);
    expect(text).toContain(customer.name);
    expect(text).toContain('United Kingdom');
    expect(String(done.args.initial_comment ?? '')).toContain(`Order summary for ${customer.name}`);
  });
});
