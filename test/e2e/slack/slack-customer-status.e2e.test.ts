import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingSlackApi } from '../../../scripts/bench/slack/recording-slack-api';
import { buttonClickBody, freshTriggerId, viewSubmissionBody } from '../../../scripts/bench/slack/slack-interactions';
import type { PostedButton, Typed } from '../../../scripts/bench/slack/slack-interactions';
import { postSigned, slashCommandBody } from '../../../scripts/bench/slack/slack-signing';
import { ScriptedCustomerProvisioning } from '../../fakes/scripted-customer-provisioning';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';
import { templateInput } from '../../fixtures/onboarding';

/**
 * "Creation is asynchronous: the reply is immediate, and one message in the
 * conversation is updated in place", then "Set up the services now" opens the wizard.
 */
const SECRET = 'e2e-customer-status-signing-secret-01';
const DOMAIN = 'acme.example';
const PAT = { id: 'UPATSTATUS', name: 'Pat Partner' };

const webex = new ScriptedCustomerProvisioning();
let api: RecordingSlackApi;
let bot: TestBot;
let templateId: string;
beforeAll(async () => {
  api = await RecordingSlackApi.start();
  bot = await startTestBot(
    { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-status-e2e', SLACK_API_URL: `${api.url}/api/` },
    { customerProvisioning: webex },
  );
  const user = { email: 'pat@acme.example', name: PAT.name, slackUserId: PAT.id, roles: [{ role: 'Administrator', domain: DOMAIN }] };
  expect((await bot.api('POST', '/api/users', user)).status).toBeLessThan(300);
  const template = await bot.api('POST', '/api/templates', templateInput({ domain: DOMAIN, name: 'Status calling' }));
  templateId = (template.body as { id: string }).id;
}, 30_000);
afterAll(async () => {
  await bot?.stop();
  await api?.stop();
});

const post = (body: string) => postSigned(`${bot.url}/slack/events`, body, { secret: SECRET });

/** `customer create` as Pat, submitted with `name` and created from its review; resolves once the modal closed. */
async function createCustomer(name: string): Promise<void> {
  const opened = api.callsTo('views.open').length;
  const command = slashCommandBody({ text: 'customer create', user: PAT, responseUrl: api.responseUrl(), channelId: 'C0GENERAL' });
  expect((await post(command.replace(/trigger_id=[^&]*/, `trigger_id=${encodeURIComponent(freshTriggerId())}`))).status).toBe(200);
  const modal = (await api.waitFor(() => api.callsTo('views.open')[opened])).answer.view as Record<string, unknown>;
  const typed: Record<string, Typed> = {
    name,
    adminEmail: 'it@initech.example',
    templateId: { option: templateId },
    packages: { options: ['webex_calling', 'webex_meetings'] },
    addressLine1: '1 Initech Way',
    city: 'Austin',
    stateOrProvince: 'TX',
    postalCode: '78701',
    country: { option: 'US' },
    supportedLocationVerified: { options: ['true'] },
  };
  // Next shows the review in place of the form; Create customer (the review's submit) creates it.
  const next = await post(viewSubmissionBody({ user: PAT, view: modal, typed }));
  expect(next.status).toBe(200);
  const { response_action, view: review } = (await next.json()) as { response_action: string; view: Record<string, unknown> };
  expect(response_action).toBe('update');
  const res = await post(viewSubmissionBody({ user: PAT, view: review, typed: {} }));
  expect(res.status).toBe(200);
  expect(await res.text()).toBe('');
}

/** The status message the outbox posted to Pat for this customer. */
const statusPost = (name: string) =>
  api.waitFor(() => api.callsTo('chat.postMessage').find((c) => c.args.channel === PAT.id && String(c.args.text).startsWith(`${name}:`)));

const blocksOf = (args: Record<string, unknown>) => JSON.stringify(args.blocks);

function buttonIn(args: Record<string, unknown>, actionId: string): PostedButton {
  for (const block of args.blocks as { type: string; block_id: string; elements?: { action_id: string; value: string }[] }[]) {
    const element = block.elements?.find((e) => e.action_id === actionId);
    if (element) return { action_id: element.action_id, value: element.value, block_id: block.block_id };
  }
  throw new Error(`no ${actionId} button`);
}

describe('a customer created in Slack', () => {
  it('gets one status message, updated in place with each package and its reasons, then opens the services setup', async () => {
    webex.nextPolls = [
      {
        status: 'provisioned_with_errors',
        orgId: 'org-initech',
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
    await createCustomer('Initech Status');
    const posted = await statusPost('Initech Status');
    expect(blocksOf(posted.args)).toContain('Provisioning');
    expect(blocksOf(posted.args)).toContain('1 Initech Way, Austin, TX, 78701');
    expect(blocksOf(posted.args)).not.toContain('services-setup.open');
    const { channel, ts } = posted.answer as { channel: string; ts: string };

    const before = api.callsTo('chat.postMessage').length;
    await bot.pollCustomers();
    const updated = await api.waitFor(() => api.callsTo('chat.update').find((c) => c.args.ts === ts));
    expect(updated.args.channel).toBe(channel);
    const shown = blocksOf(updated.args);
    expect(shown).toContain('Provisioned with errors');
    expect(shown).toContain('No PSTN was found for the location.');
    expect(shown).toContain('Set up the services for Initech Status now?');
    // Updated, not told again: no other status message for this customer.
    expect(
      api
        .callsTo('chat.postMessage')
        .slice(before)
        .filter((c) => c.args.channel === PAT.id && String(c.args.text).startsWith('Initech Status:')),
    ).toEqual([]);

    const button = buttonIn(updated.args, 'services-setup.open');
    const opened = api.callsTo('views.open').length;
    const click = buttonClickBody({
      user: PAT,
      button,
      responseUrl: api.responseUrl(),
      message: { channel, ts, text: String(updated.args.text) },
    });
    expect((await post(click)).status).toBe(200);
    const wizard = (await api.waitFor(() => api.callsTo('views.open')[opened])).answer.view as Record<string, unknown>;
    expect(wizard).toMatchObject({ callback_id: 'services-setup.page' });
    expect(JSON.parse(String(wizard.private_metadata))).toMatchObject({ customerId: button.value, page: 'summary', channel });
  });

  it('answers a click by someone who may not set the customer up privately, and opens nothing', async () => {
    webex.nextPolls = [{ status: 'provisioned', orgId: 'org-initech-2' }];
    await createCustomer('Initech Refused');
    const { channel, ts } = (await statusPost('Initech Refused')).answer as { channel: string; ts: string };
    await bot.pollCustomers();
    const updated = await api.waitFor(() => api.callsTo('chat.update').find((c) => c.args.ts === ts));
    const button = buttonIn(updated.args, 'services-setup.open');
    const stranger = { id: 'USTRANGER', name: 'Sam Stranger' };
    const opened = api.callsTo('views.open').length;
    const responseUrl = api.responseUrl();
    const click = buttonClickBody({ user: stranger, button, responseUrl, message: { channel, ts, text: 'x' } });
    expect((await post(click)).status).toBe(200);
    const reply = await api.waitFor(() => api.responsesTo(responseUrl)[0]);
    expect(JSON.stringify(reply.body)).toMatch(/administrators of the partner acme\.example/);
    expect(api.callsTo('views.open')).toHaveLength(opened);
  });
});
