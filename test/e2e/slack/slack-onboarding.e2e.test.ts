import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingSlackApi } from '../../../scripts/bench/slack/recording-slack-api';
import { freshTriggerId, viewSubmissionBody } from '../../../scripts/bench/slack/slack-interactions';
import type { Typed } from '../../../scripts/bench/slack/slack-interactions';
import { postSigned, slashCommandBody } from '../../../scripts/bench/slack/slack-signing';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';
import { templateInput } from '../../fixtures/onboarding';

const SECRET = 'e2e-onboarding-signing-secret-0123';
const DOMAIN = 'acme.example';
const PAT = { id: 'UPAT', name: 'Pat Partner' };

let api: RecordingSlackApi;
let bot: TestBot;
let templateId: string;
beforeAll(async () => {
  api = await RecordingSlackApi.start();
  bot = await startTestBot({
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-onb-e2e',
    SLACK_API_URL: `${api.url}/api/`,
  });
  const user = { email: 'pat@acme.example', name: PAT.name, slackUserId: PAT.id, roles: [{ role: 'Administrator', domain: DOMAIN }] };
  expect((await bot.api('POST', '/api/users', user)).status).toBeLessThan(300);
  const template = await bot.api('POST', '/api/templates', templateInput({ domain: DOMAIN, name: 'Retail calling' }));
  templateId = (template.body as { id: string }).id;
}, 30_000);
afterAll(async () => {
  await bot?.stop();
  await api?.stop();
});

const post = async (body: string) => {
  const res = await postSigned(`${bot.url}/slack/events`, body, { secret: SECRET });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
};

/** `/prov <text>` as Pat; the private reply, or the modal it opened. */
async function command(text: string): Promise<{ reply?: string; modal?: Record<string, unknown> }> {
  const responseUrl = api.responseUrl();
  const opened = api.callsTo('views.open').length;
  const body = slashCommandBody({ text, user: PAT, responseUrl, channelId: 'C0GENERAL' }).replace(
    /trigger_id=[^&]*/,
    `trigger_id=${encodeURIComponent(freshTriggerId())}`,
  );
  expect((await post(body)).status).toBe(200);
  return api.waitFor(() => {
    const modal = api.callsTo('views.open')[opened];
    if (modal) return { modal: modal.answer.view as Record<string, unknown> };
    const reply = api.responsesTo(responseUrl)[0];
    return reply ? { reply: JSON.stringify(reply.body) } : null;
  });
}

const submit = (view: Record<string, unknown>, typed: Record<string, Typed>) => post(viewSubmissionBody({ user: PAT, view, typed }));

const GOOD: Record<string, Typed> = {
  name: 'Initech',
  adminEmail: 'it@initech.example',
  templateId: { option: '' },
  packages: { options: ['webex_calling'] },
  addressLine1: '1 Initech Way',
  city: 'Austin',
  stateOrProvince: 'TX',
  postalCode: '78701',
  country: { option: 'US' },
  supportedLocationVerified: { options: ['true'] },
};
const good = (): Record<string, Typed> => ({ ...GOOD, templateId: { option: templateId } });

const customers = async () => (await bot.api('GET', '/api/customers')).body as { name: string; status: string }[];

describe('onboarding in Slack', () => {
  it('opens the customer form as a modal with the template, package and country choices and the location box', async () => {
    const { modal } = await command('customer create');
    expect(modal).toMatchObject({ type: 'modal', callback_id: 'onboarding.customer', submit: { text: 'Next' } });
    const text = JSON.stringify(modal);
    expect(text).toContain('Retail calling');
    expect(text).toContain('Webex Calling');
    expect(text).toContain('I verify that this customer is in a supported location');
    expect(text).not.toContain('"text":"webex_calling"');
  });

  it('keeps the modal open with the core’s messages under the email and the location box, and creates nothing', async () => {
    const { modal } = await command('customer create');
    const before = await customers();
    const answer = await submit(modal!, { ...good(), adminEmail: 'not-an-email', supportedLocationVerified: { options: [] } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      response_action: 'errors',
      errors: {
        adminEmail: expect.stringContaining('must be an email address'),
        supportedLocationVerified: expect.stringContaining('supported location'),
      },
    });
    expect(await customers()).toEqual(before);
  });

  it('lists templates with their customer count and shows one with its Provisioning ID in a code span', async () => {
    expect((await command('templates')).reply).toMatch(/Retail calling/);
    const one = (await command('template retail calling')).reply!;
    expect(one).toMatch(/Provisioning ID\*\\n`[0-9a-f-]{36}`/);
    expect(one).toContain('Webex Calling');
  });
});
