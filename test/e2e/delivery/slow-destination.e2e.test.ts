import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingSlackApi } from '../../../scripts/bench/slack/recording-slack-api';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import type { SmtpTestServer } from '../../fakes/smtp-test-server';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';
import { ANN, eventually, placeWorkOrder, setUpApprovals, sleep } from './approval-orders';

/**
 * Slack keeps a post to one person but answers 12 s later (after the notifier's call
 * timeout): an email to another domain written meanwhile goes out at once, and the
 * post is not made twice (the retry finds it by its key in the message metadata).
 */
const GLOBEX = 'globex.example';
const CY = { email: 'cy.approver@globex.example', name: 'Cy Approver', roles: [{ role: 'Approval', domain: GLOBEX }] };
const GINA = {
  login: 'gsmith',
  domain: GLOBEX,
  firstName: 'Gina',
  lastName: 'Smith',
  email: 'gina.smith@globex.example',
  phoneNumber: '5559876',
  department: 'Ops',
};
// Generous for a loaded test machine (a first SMTP connection takes a while), and well below 12 s.
const CALL_TIMEOUT_MS = 8_000;

let smtp: SmtpTestServer;
let slackApi: RecordingSlackApi;
let bot: TestBot;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  slackApi = await RecordingSlackApi.start();
  bot = await startTestBot({
    SMTP_URL: smtp.url,
    DELIVERY_RETRY_BASE_MS: '100',
    DELIVERY_CALL_TIMEOUT_MS: String(CALL_TIMEOUT_MS),
    SLACK_SIGNING_SECRET: 'delivery-e2e-signing-secret-0123456789',
    SLACK_BOT_TOKEN: 'xoxb-delivery-e2e',
    SLACK_API_URL: `${slackApi.url}/api/`,
  });
  await setUpApprovals(bot.api, [ANN]);
  expect((await bot.api('POST', '/api/users', CY)).status).toBeLessThan(300);
  expect((await bot.api('POST', '/api/subscribers', GINA)).status).toBeLessThan(300);
  expect(
    (await bot.api('PUT', `/api/domains/${GLOBEX}/rules`, { isAuthorizationRequiredForAddOrder: true, phoneAssignmentDoneBy: null }))
      .status,
  ).toBeLessThan(300);
});
afterAll(async () => {
  await bot?.stop();
  await slackApi?.stop();
  await smtp?.stop();
});

const postsTo = (channel: string) => slackApi.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

describe('one slow destination (real bot, recording Slack API, real SMTP server)', () => {
  it('a Slack DM answered 12 s late holds up nothing else, and is posted once', { timeout: 60_000 }, async () => {
    slackApi.lateAnswers.set(ANN.slackUserId, 12_000);
    await placeWorkOrder(bot.api);
    await eventually(() => postsTo(ANN.slackUserId).length === 1, 'the DM to Ann stored by Slack, its answer pending');

    // Another domain's approval email, written while Ann's DM waits for its answer.
    const written = Date.now();
    const placed = await bot.api('POST', '/api/work-orders', {
      subscriberLogin: GINA.login,
      orderable: 'Phone',
      attributes: { Phone: { phoneType: '7945', macAddress: '00DE11CE9901' } },
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const mail = await smtp.waitFor((m) => m.envelope.to.includes(CY.email), 10_000);
    // Before: one dispatch at a time, so it waited for the DM's 10 s client timeout.
    expect(mail.receivedAt.getTime() - written).toBeLessThan(3_000);

    // After the call timeout the DM is in doubt: the retry looks in the DM's history and finds it.
    await eventually(() => slackApi.callsTo('conversations.history').length > 0, 'the retry looking for the DM', 20_000);
    await sleep(1_000);
    expect(postsTo(ANN.slackUserId)).toHaveLength(1);
  });
});
