import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingSlackApi } from '../../../scripts/bench/slack/recording-slack-api';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import type { SmtpTestServer } from '../../fakes/smtp-test-server';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';
import { APPROVERS, eventually, expectOneApprovalEmailEach, placeOrders, setUpApprovals, sleep } from './approval-orders';
import { outboxTable } from './outbox-table';
import type { OutboxTable } from './outbox-table';

/**
 * The mail server goes away for a while: orders are still placed (their notices wait
 * in the outbox, committed with the order), Slack still gets its copies, the emails
 * are retried with backoff, and once the server is back each arrives exactly once.
 */
let smtp: SmtpTestServer;
let slackApi: RecordingSlackApi;
let bot: TestBot;
let table: OutboxTable;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  slackApi = await RecordingSlackApi.start();
  bot = await startTestBot({
    SMTP_URL: smtp.url,
    DELIVERY_RETRY_BASE_MS: '100',
    SLACK_SIGNING_SECRET: 'delivery-e2e-signing-secret-0123456789',
    SLACK_BOT_TOKEN: 'xoxb-delivery-e2e',
    SLACK_API_URL: `${slackApi.url}/api/`,
  });
  await setUpApprovals(bot.api);
  table = outboxTable(bot.databaseUrl);
});
afterAll(async () => {
  await bot?.stop();
  await slackApi?.stop();
  await smtp?.stop();
});

const emailRows = async () => (await table.deliveries()).filter((r) => r.channel === 'email');

describe('the mail server down for a while, then back (real bot, SQLite)', () => {
  it('places the orders, keeps retrying the emails, and delivers each one exactly once when the server is back', {
    timeout: 30_000,
  }, async () => {
    await smtp.pause();
    const orders = await placeOrders(bot.api, 5);

    // Slack is another destination: its copies are not held up by the mail server.
    const slackCopies = await eventually(() => {
      const dms = slackApi.callsTo('chat.postMessage').filter((c) => c.answer.ok);
      return dms.length >= 10 && dms;
    }, '10 Slack DMs');
    const dmsPerApprover = APPROVERS.map((a) =>
      slackCopies.filter((c) => c.args.channel === a.slackUserId).map((c) => orders.find((n) => String(c.args.text).includes(n))),
    );
    for (const got of dmsPerApprover) expect(got.sort()).toEqual([...orders].sort());

    // A few retry rounds with the server away: every email tried at least three times, none sent.
    const tried = await eventually(
      async () => {
        const rows = await emailRows();
        return rows.length === 10 && rows.every((r) => r.attempts >= 3) && rows;
      },
      'each email tried three times',
      15_000,
    );
    expect(tried.map((r) => r.state)).toEqual(Array(10).fill('pending'));
    for (const r of tried) expect(r.lastError).toMatch(/the mail server at 127\.0\.0\.1:\d+ is unreachable/);
    expect(smtp.messages).toEqual([]);

    await smtp.resume();
    const stillPending = async () =>
      `still pending: ${JSON.stringify(
        (await emailRows()).filter((r) => r.state === 'pending'),
        null,
        1,
      )}`;
    // No notification tick here (the test bot's is far away): the retry timer alone must bring each one.
    await eventually(() => smtp.messages.length >= 10, 'all ten emails after the server is back', 15_000, stillPending);
    // Later retries or ticks must not send any of them again.
    await sleep(1000);
    await bot.notifyTick();
    expectOneApprovalEmailEach(smtp.messages, orders);
    expect(await table.states()).toEqual({ sent: 20 });
    expect(slackApi.callsTo('chat.postMessage')).toHaveLength(10);
  });
});
