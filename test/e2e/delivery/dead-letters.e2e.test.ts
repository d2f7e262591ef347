import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalChat, rosterEntry, teamsUser } from '../../fakes/bot-activities';
import { RecordingSlackApi } from '../../../scripts/bench/slack/recording-slack-api';
import { postSigned, slashCommandBody } from '../../../scripts/bench/slack/slack-signing';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import type { SmtpTestServer } from '../../fakes/smtp-test-server';
import { visibleText } from '../slack/slack-e2e-harness';
import { say } from '../teams/conversation';
import { startTeamsBot } from '../teams/teams-bot';
import { cardText } from '../teams/teams-e2e-helpers';
import { ABE, ANN, eventually, placeWorkOrder, setUpApprovals } from './approval-orders';
import { outboxTable } from './outbox-table';
import type { OutboxTable } from './outbox-table';

/**
 * Dead letters an administrator can act on, through the real bot: Ann's mailbox refuses
 * for good (550), so her approval email is dead-lettered at once. The API, Slack's
 * `/prov notify outbox` and Teams' `notify outbox` list it in words with its id, and
 * send that one again once the mailbox takes mail; an unknown id changes nothing.
 */
const SIGNING_SECRET = 'dead-letter-e2e-signing-secret-0123456789';
const ADA = teamsUser('ada', 'Ada Admin', 'ada@provbot.example');
const ADA_SLACK = { id: 'UADA', name: 'ada' };

let smtp: SmtpTestServer;
let slackApi: RecordingSlackApi;
let bot: Awaited<ReturnType<typeof startTeamsBot>>;
let table: OutboxTable;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  slackApi = await RecordingSlackApi.start();
  bot = await startTeamsBot({
    roster: [rosterEntry(ADA)],
    env: {
      SMTP_URL: smtp.url,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-dead-letters',
      SLACK_API_URL: `${slackApi.url}/api/`,
    },
  });
  // Approvers by email only: no chat copies, so the outbox holds just the two emails.
  await setUpApprovals(
    bot.api,
    [ANN, ABE].map(({ slackUserId: _s, ...p }) => p),
  );
  expect(
    (
      await bot.api('POST', '/api/users', {
        email: ADA.email,
        name: ADA.name,
        slackUserId: ADA_SLACK.id,
        roles: [{ role: 'Administrator', domain: '*' }],
      })
    ).status,
  ).toBe(200);
  table = outboxTable(bot.databaseUrl);
}, 30_000);
afterAll(async () => {
  await bot?.stop();
  await slackApi?.stop();
  await smtp?.stop();
});

async function slackCommand(text: string): Promise<string> {
  const responseUrl = slackApi.responseUrl();
  const res = await postSigned(`${bot.url}/slack/events`, slashCommandBody({ text, user: ADA_SLACK, responseUrl }), {
    secret: SIGNING_SECRET,
  });
  expect(res.status).toBe(200);
  const [reply] = await slackApi.waitFor(() => slackApi.responsesTo(responseUrl).length > 0 && slackApi.responsesTo(responseUrl));
  return visibleText(reply!.body);
}

const teamsCommand = async (text: string) => cardText(await say(bot, personalChat(bot.connector.url, ADA), ADA, text));

describe('dead letters through the API, Slack and Teams (real bot, SQLite, real SMTP server)', () => {
  it('lists the dead email in words with its id, refuses an unknown id changing nothing, and sends that one again', {
    timeout: 30_000,
  }, async () => {
    smtp.refuseRecipient(ANN.email, 550, 'mailbox unavailable');
    const order = await placeWorkOrder(bot.api);
    const dead = await eventually(async () => (await table.deliveries()).find((r) => r.state === 'dead'), 'the dead email');
    expect(dead.lastError).toMatch(/550/);
    // The administrators' alert about it goes out too; wait for the outbox to settle.
    await eventually(async () => !(await table.states()).pending, 'nothing pending');

    const listed = await bot.api('GET', '/api/notifications/deliveries?limit=5');
    expect(listed).toMatchObject({ status: 200, body: { dead: 1, deadNotListed: 0 } });
    const [item] = listed.body.deadDeliveries;
    expect(item).toMatchObject({
      destination: `email to ${ANN.email}`,
      what: 'an activity to act on, with its buttons',
      attempts: 1,
      lastTriedAt: expect.stringMatching(/UTC$/),
    });
    expect(item.lastError).toMatch(/mail server at 127\.0\.0\.1:\d+ refused the recipient \(SMTP 550\)/);
    expect((await bot.api('GET', '/api/notifications/deliveries?limit=0')).body).toMatchObject({
      dead: 1,
      deadDeliveries: [],
      deadNotListed: 1,
    });
    expect((await bot.api('GET', '/api/notifications/deliveries?limit=lots')).status).toBe(400);

    const slack = await slackCommand('notify outbox');
    const teams = await teamsCommand('notify outbox');
    for (const text of [slack, teams]) {
      expect(text).toContain(item.id);
      expect(text).toContain(`email to ${ANN.email}`);
      expect(text).toContain('550');
    }

    const before = await table.deliveries();
    const unknown = await bot.api('POST', '/api/notifications/deliveries/no-such-delivery/retry');
    expect(unknown).toMatchObject({ status: 404, body: { code: 'DELIVERY_NOT_FOUND' } });
    expect(await slackCommand('notify outbox retry 0b6e1c3a-57d4-4f0e-9a41-2f7c9d8e1a22')).toContain(
      'No notice in the outbox has the id 0b6e1c3a-57d4-4f0e-9a41-2f7c9d8e1a22',
    );
    expect(await teamsCommand('notify outbox retry no-such-delivery')).toContain('No notice in the outbox has the id no-such-delivery');
    expect((await bot.api('POST', `/api/notifications/deliveries/${item.id}/retry`, undefined, null)).status).toBe(401);
    expect(await table.deliveries()).toEqual(before);

    smtp.acceptRecipient(ANN.email);
    expect(await slackCommand(`notify outbox retry ${item.id}`)).toContain('1 notice(s) given up on is being sent again');
    await smtp.waitFor((m) => m.envelope.to.includes(ANN.email) && (m.text ?? '').includes(order));
    const states = await eventually(async () => {
      const s = await table.states();
      return !s.pending && s;
    }, 'nothing pending');
    expect(states).toEqual({ sent: before.length });
    const again = await bot.api('POST', `/api/notifications/deliveries/${item.id}/retry`);
    expect(again).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
  });
});
