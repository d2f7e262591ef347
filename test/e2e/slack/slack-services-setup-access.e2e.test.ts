import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingSlackApi } from '../../../scripts/bench/slack/recording-slack-api';
import type { SlackApiCall } from '../../../scripts/bench/slack/recording-slack-api';
import type { Typed } from '../../../scripts/bench/slack/slack-interactions';
import { buttonClickBody, freshTriggerId, viewSubmissionBody } from '../../../scripts/bench/slack/slack-interactions';
import { viewProblems } from '../../../scripts/bench/slack/block-kit-validator';
import { postSigned, slashCommandBody } from '../../../scripts/bench/slack/slack-signing';
import { customerForSetup, PARTNER_DOMAIN } from '../../fixtures/customers-for-setup';
import { FixedClock } from '../../fakes/fixed-clock';
import { InMemoryCustomerDirectory } from '../../fakes/in-memory-services-setup';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';
import { visibleText } from './slack-e2e-harness';
import { button } from './slack-order-harness';

const SECRET = 'e2e-setup-access-signing-secret-0123';
/** The partner domain's Administrator, and a member of it who is not one (nor the customer's administrator). */
const PAT = {
  email: 'pat@acme-partner.example',
  name: 'Pat Partner',
  slackUserId: 'UPAT',
  roles: [{ role: 'Administrator', domain: PARTNER_DOMAIN }],
};
const MONA = {
  email: 'mona@acme-partner.example',
  name: 'Mona Member',
  slackUserId: 'UMONA',
  roles: [{ role: 'Ordering', domain: PARTNER_DOMAIN }],
};
type Person = typeof PAT;
const user = (p: Person) => ({ id: p.slackUserId, name: p.name });

const clock = new FixedClock(new Date());
const customers = new InMemoryCustomerDirectory();
let api: RecordingSlackApi;
let bot: TestBot;
beforeAll(async () => {
  api = await RecordingSlackApi.start();
  bot = await startTestBot(
    { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-setup-access', SLACK_API_URL: `${api.url}/api/` },
    { clock, customers },
  );
  for (const p of [PAT, MONA]) expect((await bot.api('POST', '/api/users', p)).status).toBeLessThan(300);
}, 30_000);
afterAll(async () => {
  await bot?.stop();
  await api?.stop();
});

let seq = 0;
const newCustomer = () => {
  seq += 1;
  return customers.add(customerForSetup({ id: `cust-access-${seq}`, name: `Globex Access ${seq}` }));
};

const events = () => `${bot.url}/slack/events`;
async function submit(who: Person, view: Record<string, unknown>, typed: Record<string, Typed> = {}) {
  const res = await postSigned(events(), viewSubmissionBody({ user: user(who), view, typed }), { secret: SECRET });
  expect(res.status).toBe(200);
  const text = await res.text();
  return (text ? JSON.parse(text) : {}) as { response_action?: string; view?: Record<string, unknown> };
}
const dmsTo = (who: Person, skip: number): SlackApiCall[] =>
  api
    .callsTo('chat.postMessage')
    .slice(skip)
    .filter((c) => c.args.channel === who.slackUserId && c.answer.ok);
const dm = (who: Person, pattern: RegExp, skip: number) =>
  api.waitFor(() => dmsTo(who, skip).find((c) => pattern.test(visibleText(c.args))));
const setupOf = async (customerId: string) => (await bot.api('GET', `/api/customers/${customerId}/services-setup`)).body;

/** Mona (or `who`) opens the wizard by the customer's id and fills every page as a draft, up to the review. */
async function memberFillsWizard(customerId: string, who: Person = MONA): Promise<Record<string, unknown>> {
  const opened = api.callsTo('views.open').length;
  const body = slashCommandBody({
    text: `services setup ${customerId}`,
    user: user(who),
    responseUrl: api.responseUrl(),
    channelId: 'C0SETUP',
  }).replace(/trigger_id=[^&]*/, `trigger_id=${encodeURIComponent(freshTriggerId())}`);
  expect((await postSigned(events(), body, { secret: SECRET })).status).toBe(200);
  let view = (await api.waitFor(() => api.callsTo('views.open')[opened])).answer.view as Record<string, unknown>;
  const pages: Record<string, Typed>[] = [
    {},
    { 'setup-input': 'globex' },
    { 'setup-input': { option: 'GB' } },
    {},
    { 'setup-input': { option: 'Europe/London' } },
    { 'setup-input': { option: 'webex-contact-center' } },
    { 'setup-input': { option: 'webex-calling' } },
  ];
  for (const typed of pages) {
    const answer = await submit(who, view, typed);
    expect(answer.response_action).toBe('update');
    view = answer.view!;
  }
  expect(JSON.stringify(view.blocks)).toContain('Go back and edit');
  return view;
}

describe("a partner member's services setup Submit in Slack", () => {
  it('asks the administrator instead of submitting; on approval the setup is submitted as the member’s and the member told', async () => {
    const customer = newCustomer();
    const review = await memberFillsWizard(customer.id);
    // Before pressing it, the member sees that Submit asks, and whom.
    expect(review.submit).toMatchObject({ text: 'Ask the administrators' });
    expect(viewProblems(review as Parameters<typeof viewProblems>[0])).toEqual([]);
    expect(visibleText(review)).toContain(
      `You don't hold the Administrator role in ${PARTNER_DOMAIN}: this sends your services setup to its administrators (Pat Partner), and I'll tell you their answer.`,
    );
    const draft = await setupOf(customer.id);
    expect(draft).toMatchObject({ state: 'draft', countryOfOperation: 'GB', telephony: 'webex-calling' });
    const seen = api.callsTo('chat.postMessage').length;

    await submit(MONA, review);
    const told = await dm(MONA, /Administrator role/, seen);
    expect(visibleText(told.args)).toContain(
      `You need the Administrator role in ${PARTNER_DOMAIN} to submit the services setup of ${customer.name}; I've asked its administrators (Pat Partner)`,
    );
    expect(await setupOf(customer.id)).toEqual(draft);

    const toPat = await dm(PAT, new RegExp(customer.name), seen);
    expect(visibleText(toPat.args)).toContain(
      `Mona Member (mona@acme-partner.example) asks to submit the services setup of ${customer.name} (country of operation United Kingdom, time zone Europe/London`,
    );
    const click = buttonClickBody({
      user: user(PAT),
      button: button(toPat, 'access.approve'),
      responseUrl: api.responseUrl(),
      message: { channel: String(toPat.answer.channel), ts: String(toPat.answer.ts), text: String(toPat.args.text ?? '') },
    });
    expect((await postSigned(events(), click, { secret: SECRET })).status).toBe(200);

    const outcome = await dm(MONA, /approved your request/, seen);
    expect(visibleText(outcome.args)).toContain(`Pat Partner approved your request to submit the services setup of ${customer.name}`);
    expect(visibleText(outcome.args)).toContain(`Services setup of ${customer.name} submitted`);
    expect(await setupOf(customer.id)).toMatchObject({ state: 'submitted', submittedBy: MONA.email });
  });

  it('an administrator’s review keeps Submit and says nothing about asking', async () => {
    const review = await memberFillsWizard(newCustomer().id, PAT);
    expect(review.submit).toMatchObject({ text: 'Submit' });
    expect(JSON.stringify(review.blocks)).not.toContain('Administrator role');
  });

  it('a decline leaves the draft as it was, and the member hears it', async () => {
    const customer = newCustomer();
    const review = await memberFillsWizard(customer.id);
    const seen = api.callsTo('chat.postMessage').length;
    await submit(MONA, review);
    const toPat = await dm(PAT, new RegExp(customer.name), seen);
    const draft = await setupOf(customer.id);
    const click = buttonClickBody({
      user: user(PAT),
      button: button(toPat, 'access.decline'),
      responseUrl: api.responseUrl(),
      message: { channel: String(toPat.answer.channel), ts: String(toPat.answer.ts), text: String(toPat.args.text ?? '') },
    });
    expect((await postSigned(events(), click, { secret: SECRET })).status).toBe(200);
    await dm(MONA, /declined your request/, seen);
    expect(await setupOf(customer.id)).toEqual(draft);
  });
});
