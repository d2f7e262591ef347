import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedProvisioning } from '../../../adapters/webex/simulated-provisioning';
import type { SimulatedProvisioning } from '../../../adapters/webex/simulated-provisioning';
import { viewProblems } from '../../../scripts/bench/slack/block-kit-validator';
import { RecordingSlackApi } from '../../../scripts/bench/slack/recording-slack-api';
import { freshTriggerId, modalButtonClickBody, viewSubmissionBody } from '../../../scripts/bench/slack/slack-interactions';
import type { Typed } from '../../../scripts/bench/slack/slack-interactions';
import { postSigned, slashCommandBody } from '../../../scripts/bench/slack/slack-signing';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';
import { templateInput } from '../../fixtures/onboarding';

const SECRET = 'e2e-onboarding-review-secret-0123';
const DOMAIN = 'acme.example';
const PAT = { id: 'UPAT', name: 'Pat Partner' };
type View = Record<string, unknown>;

let api: RecordingSlackApi;
let bot: TestBot;
let webex: SimulatedProvisioning;
let templateId: string;
beforeAll(async () => {
  api = await RecordingSlackApi.start();
  webex = createSimulatedProvisioning();
  bot = await startTestBot(
    { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-onb-review', SLACK_API_URL: `${api.url}/api/` },
    { customerProvisioning: webex },
  );
  const user = { email: 'pat@acme.example', name: PAT.name, slackUserId: PAT.id, roles: [{ role: 'Administrator', domain: DOMAIN }] };
  expect((await bot.api('POST', '/api/users', user)).status).toBeLessThan(300);
  templateId = (await bot.api('POST', '/api/templates', templateInput({ domain: DOMAIN, name: 'Retail calling' }))).body.id;
}, 30_000);
afterAll(async () => {
  await bot?.stop();
  await api?.stop();
});

const post = async (body: string) => {
  const res = await postSigned(`${bot.url}/slack/events`, body, { secret: SECRET });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as { response_action?: string; view?: View; errors?: Record<string, string> }) : null,
  };
};

/** `/prov <text>` as Pat: the modal it opened. */
async function open(text: string): Promise<View> {
  const opened = api.callsTo('views.open').length;
  const body = slashCommandBody({ text, user: PAT, responseUrl: api.responseUrl(), channelId: 'C0GENERAL' }).replace(
    /trigger_id=[^&]*/,
    `trigger_id=${encodeURIComponent(freshTriggerId())}`,
  );
  expect((await post(body)).status).toBe(200);
  return (await api.waitFor(() => api.callsTo('views.open')[opened])).answer.view as View;
}

const submit = (view: View, typed: Record<string, Typed> = {}) => post(viewSubmissionBody({ user: PAT, view, typed }));

/** The view a view_submission's answer puts in place of the modal, checked as Slack checks views. */
function updated(answer: Awaited<ReturnType<typeof post>>): View {
  expect(answer.body?.response_action).toBe('update');
  expect(viewProblems(answer.body!.view)).toEqual([]);
  return answer.body!.view!;
}

const good = (overrides: Record<string, Typed> = {}): Record<string, Typed> => ({
  name: 'Initech',
  adminEmail: 'it@initech.example',
  templateId: { option: templateId },
  packages: { options: ['webex_calling'] },
  addressLine1: '1 Initech Way',
  city: 'Austin',
  stateOrProvince: 'TX',
  postalCode: '78701',
  country: { option: 'US' },
  supportedLocationVerified: { options: ['true'] },
  ...overrides,
});

const customers = async () => (await bot.api('GET', '/api/customers')).body as { name: string }[];
const editButtons = (view: View) => JSON.stringify(view.blocks).match(/onboarding\.review\.edit\.[a-z]+/g);

describe('the onboarding review in Slack', () => {
  it('answers Next with the customer summary in sections, the precheck in words, an Edit per section, and creates nothing', async () => {
    const before = await customers();
    const review = updated(await submit(await open('customer create'), good({ name: 'Initech Review' })));
    expect(review).toMatchObject({ callback_id: 'onboarding.customer.review', submit: { text: 'Create customer' } });
    const text = JSON.stringify(review.blocks);
    for (const words of ['Customer information', 'Retail calling', 'Webex Calling', 'Headquarters location', 'United States'])
      expect(text).toContain(words);
    expect(text).toContain('Webex’s precheck found nothing that stops creating Initech Review in United States.');
    expect(text).not.toContain('webex_calling');
    expect(editButtons(review)).toEqual([
      'onboarding.review.edit.information',
      'onboarding.review.edit.packages',
      'onboarding.review.edit.headquarters',
    ]);
    expect(await customers()).toEqual(before);
  });

  it('Edit puts the form back filled with the draft; Next and Create customer then create it and tell Pat by DM', async () => {
    const review = updated(await submit(await open('customer create'), good({ name: 'Initech Edited' })));
    const updates = api.callsTo('views.update').length;
    const click = modalButtonClickBody({ user: PAT, view: review, actionId: 'onboarding.review.edit.headquarters', value: 'headquarters' });
    expect((await post(click)).status).toBe(200);
    const call = await api.waitFor(() => api.callsTo('views.update')[updates]);
    expect(call.answer.ok).toBe(true);
    const form = call.args.view as View;
    expect(form).toMatchObject({ callback_id: 'onboarding.customer', submit: { text: 'Next' } });
    const formText = JSON.stringify(form.blocks);
    expect(formText).toContain('Change the headquarters location');
    expect(formText).toContain('"initial_value":"1 Initech Way"');
    expect(formText).toMatch(/"initial_options":\[\{"text":\{"type":"plain_text","text":"Webex Calling"\},"value":"webex_calling"\}\]/);
    expect(await customers()).not.toContainEqual(expect.objectContaining({ name: 'Initech Edited' }));

    const again = updated(await submit({ ...form, id: call.args.view_id }, good({ name: 'Initech Edited', city: 'Dallas' })));
    expect(JSON.stringify(again.blocks)).toContain('Dallas');
    const seen = api.callsTo('chat.postMessage').length;
    expect(await submit(again)).toEqual({ status: 200, body: null });
    expect(await customers()).toContainEqual(expect.objectContaining({ name: 'Initech Edited' }));
    const dm = await api.waitFor(() =>
      api
        .callsTo('chat.postMessage')
        .slice(seen)
        .find((c) => c.args.channel === PAT.id),
    );
    expect(String(dm.args.text)).toMatch(/Initech Edited/);
  });

  it('keeps the form open with a precheck finding under the headquarters address, and creates nothing', async () => {
    webex.injectFailure({ kind: 'precheck', country: 'CA', findings: ['The postal code does not match the city.'] });
    const before = await customers();
    const answer = await submit(await open('customer create'), good({ name: 'Initech North', country: { option: 'CA' } }));
    webex.clearFailures();
    expect(answer.body).toEqual({ response_action: 'errors', errors: { addressLine1: 'The postal code does not match the city.' } });
    expect(await customers()).toEqual(before);
  });

  it('brings the form back with the reason on top when Create customer is refused after the review, and creates nothing', async () => {
    const review = updated(await submit(await open('customer create'), good({ name: 'Initech Late', country: { option: 'GB' } })));
    webex.injectFailure({ kind: 'precheck', country: 'GB', findings: ['This address is now under review.'] });
    const before = await customers();
    const form = updated(await submit(review));
    webex.clearFailures();
    expect(form.callback_id).toBe('onboarding.customer');
    const text = JSON.stringify(form.blocks);
    expect(text).toContain('Nothing was created. Headquarters address line 1: This address is now under review.');
    expect(text).toContain('"initial_value":"Initech Late"');
    expect(await customers()).toEqual(before);
  });

  it('reviews a template with the PSTN caution beside the vendor, and Submit creates it', async () => {
    const templates = async () => ((await bot.api('GET', '/api/templates')).body as { name: string }[]).map((t) => t.name);
    const typed: Record<string, Typed> = {
      name: 'Branch offices',
      subscriptionId: 'Sub-200',
      authenticationMethod: { option: 'sso' },
      pstnVendor: 'Acme PSTN',
      language: 'en_US',
      timezone: 'Europe/Paris',
      packages: { options: ['webex_meetings'] },
    };
    const review = updated(await submit(await open('template create'), typed));
    expect(review).toMatchObject({ callback_id: 'onboarding.template.review', submit: { text: 'Submit' } });
    const text = JSON.stringify(review.blocks);
    for (const words of ['Primary settings', 'Single sign-on (SSO)', 'Acme PSTN', 'Cisco does not recommend using this optional template'])
      expect(text).toContain(words);
    expect(editButtons(review)).toHaveLength(5);
    expect(await templates()).not.toContain('Branch offices');
    expect(await submit(review)).toEqual({ status: 200, body: null });
    expect(await templates()).toContain('Branch offices');
  });
});
