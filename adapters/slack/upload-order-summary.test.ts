import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatTo, OrderSummary } from '../../core/index';
import { DeliveryRefused, emptySetup, orderSummaryOf, silentLogger } from '../../core/index';
import { RecordingSlackApi } from '../../scripts/bench/slack/recording-slack-api';
import { FixedClock } from '../../test/fakes/fixed-clock';
import { pdfText } from '../../test/fakes/pdf-text';
import { customerForSetup } from '../../test/fixtures/customers-for-setup';
import { SlackNotifier } from './slack-notifier';
import { createSlackNotifierClient } from './slack-web-client';

/** A completed setup's order summary PDF into the submitter's DM, through the real WebClient against a recording Slack. */
const clock = new FixedClock(new Date());
let api: RecordingSlackApi;
let notifier: SlackNotifier;
beforeAll(async () => {
  api = await RecordingSlackApi.start();
  notifier = new SlackNotifier(createSlackNotifierClient('xoxb-test', `${api.url}/api/`, silentLogger), { clock });
});
afterAll(() => api?.stop());
beforeEach(() => {
  api.calls.length = 0;
  api.failing.clear();
});

const PAT: ChatTo = { kind: 'user', platformUserId: 'UPAT', email: 'pat@acme-partner.example' };

function completedSummary(name: string): OrderSummary {
  const customer = customerForSetup({ id: 'cust-upload', name });
  const setup = {
    ...emptySetup(customer.id, clock.now()),
    version: 3,
    state: 'completed' as const,
    countryOfOperation: 'GB',
    countryConfirmedAt: clock.now(),
    platform: 'webex-contact-center' as const,
    telephony: 'webex-calling' as const,
    submittedAt: clock.now(),
    submittedBy: PAT.kind === 'user' ? PAT.email : '',
    completedAt: clock.now(),
  };
  return orderSummaryOf(customer, setup)!;
}

const post = (name: string) =>
  notifier.postNotice({
    to: PAT,
    notice: { kind: 'order-summary', summary: completedSummary(name) },
    idempotencyKey: `order-summary:${name}`,
    inDoubt: false,
  });

describe('the order summary PDF uploaded in Slack', () => {
  it('uploads the PDF into the DM it opens with the person', async () => {
    await post('Globex Upload');
    const done = api.callsTo('files.completeUploadExternal').find((c) => c.answer.ok);
    const dm = api.callsTo('conversations.open')[0]!.answer as { channel: { id: string } };
    expect(done?.args.channel_id).toBe(dm.channel.id);
    const fileId = (done!.answer.files as { id: string }[])[0]!.id;
    expect(pdfText(api.uploads.get(fileId)!)).toContain('Globex Upload');
  });

  it('without the files:write scope, tells the person in words what is missing and how to get the PDF later, and is done', async () => {
    api.failing.set('files.getUploadURLExternal', 'missing_scope');
    await expect(post('Globex Scope')).resolves.toBeNull();
    expect(api.callsTo('files.completeUploadExternal')).toEqual([]);
    const [told] = api.callsTo('chat.postMessage');
    const dm = api.callsTo('conversations.open')[0]!.answer as { channel: { id: string } };
    expect(told?.args.channel).toBe(dm.channel.id);
    const text = String(told!.args.text);
    expect(text).toContain(
      "I couldn't attach the order summary PDF for Globex Scope because provbot's Slack app lacks the files:write permission",
    );
    expect(text).toContain('reinstall the app, then "/prov customer summary Globex Scope" posts it.');
    expect(JSON.stringify(told!.args)).not.toMatch(/missing_scope|Something went wrong/);
  });

  it('leaves any other refusal to the outbox, to try again', async () => {
    api.failing.set('files.getUploadURLExternal', 'invalid_arguments');
    await expect(post('Globex Other')).rejects.toBeInstanceOf(DeliveryRefused);
    expect(api.callsTo('chat.postMessage')).toEqual([]);
  });
});
