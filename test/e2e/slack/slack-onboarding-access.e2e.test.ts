import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingSlackApi } from '../../../scripts/bench/slack/recording-slack-api';
import type { SlackApiCall } from '../../../scripts/bench/slack/recording-slack-api';
import { buttonClickBody, freshTriggerId, viewSubmissionBody } from '../../../scripts/bench/slack/slack-interactions';
import type { Typed } from '../../../scripts/bench/slack/slack-interactions';
import { postSigned, slashCommandBody } from '../../../scripts/bench/slack/slack-signing';
import type { SlackUserRef } from '../../../scripts/bench/slack/slack-signing';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';
import { templateInput } from '../../fixtures/onboarding';
import { visibleText } from './slack-e2e-harness';
import { button } from './slack-order-harness';

const SECRET = 'e2e-onboarding-access-secret-0123';
const DOMAIN = 'acme.example';
/** Two Administrators of the partner domain, and a member of it who is not one. */
const PAT = { id: 'UPAT', name: 'Pat Partner', email: 'pat@acme.example', role: 'Administrator' };
const ANN = { id: 'UANN', name: 'Ann Admin', email: 'ann@acme.example', role: 'Administrator' };
const OLIVE = { id: 'UOLIVE', name: 'Olive Orderer', email: 'olive@acme.example', role: 'Ordering' };

let api: RecordingSlackApi;
let bot: TestBot;
let templateId: string;
beforeAll(async () => {
  api = await RecordingSlackApi.start();
  bot = await startTestBot({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-onb-access-e2e', SLACK_API_URL: `${api.url}/api/` });
  for (const p of [PAT, ANN, OLIVE]) {
    const user = { email: p.email, name: p.name, slackUserId: p.id, roles: [{ role: p.role, domain: DOMAIN }] };
    expect((await bot.api('POST', '/api/users', user)).status).toBeLessThan(300);
  }
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
const user = (p: typeof PAT): SlackUserRef => ({ id: p.id, name: p.name });

/** `/prov customer create` as `who`: the modal it opened. */
async function customerModal(who: typeof PAT): Promise<Record<string, unknown>> {
  const opened = api.callsTo('views.open').length;
  const body = slashCommandBody({
    text: 'customer create',
    user: user(who),
    responseUrl: api.responseUrl(),
    channelId: 'C0GENERAL',
  }).replace(/trigger_id=[^&]*/, `trigger_id=${encodeURIComponent(freshTriggerId())}`);
  expect((await post(body)).status).toBe(200);
  return (await api.waitFor(() => api.callsTo('views.open')[opened])).answer.view as Record<string, unknown>;
}

const customerForm = (name: string): Record<string, Typed> => ({
  name,
  adminEmail: `it@${name.toLowerCase().replace(/\W/g, '')}.example`,
  templateId: { option: templateId },
  packages: { options: ['webex_calling'] },
  addressLine1: '1 Initech Way',
  city: 'Austin',
  stateOrProvince: 'TX',
  postalCode: '78701',
  country: { option: 'US' },
  supportedLocationVerified: { options: ['true'] },
});

const dmsTo = (who: typeof PAT, skip: number): SlackApiCall[] =>
  api
    .callsTo('chat.postMessage')
    .slice(skip)
    .filter((c) => c.args.channel === who.id && c.answer.ok);
const dm = (who: typeof PAT, pattern: RegExp, skip: number) =>
  api.waitFor(() => dmsTo(who, skip).find((c) => pattern.test(visibleText(c.args))));
/** The text of the modal's last block: the line just above its footer's submit button. */
const lastWords = (view: Record<string, unknown>) => (view.blocks as { text?: { text: string } }[]).at(-1)?.text?.text;
const customerNames = async () => ((await bot.api('GET', '/api/customers')).body as { name: string }[]).map((c) => c.name);

describe('a non-administrator creating a customer in Slack', () => {
  it('asks both administrators; one approves, the customer is created, the requester told, the other copy shows who decided', async () => {
    const seen = api.callsTo('chat.postMessage').length;
    // A member may review the customer (Next); Create customer on the review is what asks the administrators.
    const next = await post(
      viewSubmissionBody({ user: user(OLIVE), view: await customerModal(OLIVE), typed: customerForm('Initech Asks') }),
    );
    expect(next.body).toMatchObject({ response_action: 'update', view: { callback_id: 'onboarding.customer.review' } });
    const review = (next.body as { view: Record<string, unknown> }).view;
    // Before pressing it, the member sees that the button asks, and whom.
    expect(review.submit).toMatchObject({ text: 'Ask the administrators' });
    expect(lastWords(review)).toBe(
      `You don't hold the Administrator role in ${DOMAIN}: this sends your customer to its administrators (Ann Admin, Pat Partner), and I'll tell you their answer.`,
    );
    expect(await post(viewSubmissionBody({ user: user(OLIVE), view: review, typed: {} }))).toEqual({ status: 200, body: null });

    const told = await dm(OLIVE, /Administrator role/, seen);
    expect(visibleText(told.args)).toContain(
      `You need the Administrator role in ${DOMAIN} to create customers in ${DOMAIN}; I've asked its administrators (Ann Admin, Pat Partner)`,
    );
    expect(await customerNames()).not.toContain('Initech Asks');

    const toPat = await dm(PAT, /Initech Asks/, seen);
    const toAnn = await dm(ANN, /Initech Asks/, seen);
    expect(visibleText(toAnn.args)).toContain('Olive Orderer (olive@acme.example) asks to create the customer Initech Asks');

    const click = buttonClickBody({
      user: user(PAT),
      button: button(toPat, 'access.approve'),
      responseUrl: api.responseUrl(),
      message: { channel: String(toPat.answer.channel), ts: String(toPat.answer.ts), text: String(toPat.args.text ?? '') },
    });
    expect((await post(click)).status).toBe(200);

    const outcome = await dm(OLIVE, /approved your request/, seen);
    expect(visibleText(outcome.args)).toContain('Pat Partner approved your request to create the customer Initech Asks');
    expect(await customerNames()).toContain('Initech Asks');
    const annCopy = await api.waitFor(() =>
      api.callsTo('chat.update').find((c) => c.args.channel === toAnn.answer.channel && c.args.ts === toAnn.answer.ts),
    );
    expect(visibleText(annCopy.args)).toMatch(/Approved by Pat Partner/);
    expect(JSON.stringify(annCopy.args.blocks)).not.toContain('access.approve');
  });

  it('an administrator’s review keeps Create customer and says nothing about asking', async () => {
    const next = await post(viewSubmissionBody({ user: user(PAT), view: await customerModal(PAT), typed: customerForm('Initech Own') }));
    const review = (next.body as { view: Record<string, unknown> }).view;
    expect(review).toMatchObject({ callback_id: 'onboarding.customer.review', submit: { text: 'Create customer' } });
    expect(JSON.stringify(review.blocks)).not.toContain('Administrator role');
  });

  it('a form with a bad field stays open with the message, and nobody is asked', async () => {
    const seen = api.callsTo('chat.postMessage').length;
    const before = await customerNames();
    const answer = await post(
      viewSubmissionBody({
        user: user(OLIVE),
        view: await customerModal(OLIVE),
        typed: { ...customerForm('Bad Email'), adminEmail: 'nope' },
      }),
    );
    expect(answer.body).toMatchObject({ response_action: 'errors', errors: { adminEmail: expect.stringContaining('email address') } });
    // Give the bot a moment in which a wrongly sent request would be posted.
    await new Promise((r) => setTimeout(r, 300));
    expect(dmsTo(PAT, seen)).toEqual([]);
    expect(dmsTo(ANN, seen)).toEqual([]);
    expect(await customerNames()).toEqual(before);
  });
});
