import { readFileSync } from 'node:fs';
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

/**
 * `/prov ops` in Slack and `ops` in Teams, through the real bot (SQLite, real SMTP
 * server): an Administrator of every domain sees the version, which parts are live and
 * why, the migrations, the outbox and the scheduler's last ticks, and never a secret;
 * anyone else is refused in words.
 */
const SIGNING_SECRET = 'ops-e2e-signing-secret-0123456789abcdef';
const BOT_TOKEN = 'xoxb-ops-console-token';
const ADA = teamsUser('ada', 'Ada Admin', 'ada@provbot.example');
const ADA_SLACK = { id: 'UADA', name: 'ada' };
const DORA = teamsUser('dora', 'Dora Domain-Admin', 'dora@acme.example');
const DORA_SLACK = { id: 'UDORA', name: 'dora' };
const VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

let smtp: SmtpTestServer;
let slackApi: RecordingSlackApi;
let bot: Awaited<ReturnType<typeof startTeamsBot>>;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  slackApi = await RecordingSlackApi.start();
  bot = await startTeamsBot({
    roster: [rosterEntry(ADA), rosterEntry(DORA)],
    env: { SMTP_URL: smtp.url, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: `${slackApi.url}/api/` },
  });
  const users = [
    { email: ADA.email, name: ADA.name, slackUserId: ADA_SLACK.id, roles: [{ role: 'Administrator', domain: '*' }] },
    { email: DORA.email, name: DORA.name, slackUserId: DORA_SLACK.id, roles: [{ role: 'Administrator', domain: 'acme.example' }] },
  ];
  for (const user of users) expect((await bot.api('POST', '/api/users', user)).status).toBe(200);
}, 30_000);
afterAll(async () => {
  await bot?.stop();
  await slackApi?.stop();
  await smtp?.stop();
});

async function slackCommand(text: string, user: { id: string; name: string }): Promise<string> {
  const responseUrl = slackApi.responseUrl();
  const res = await postSigned(`${bot.url}/slack/events`, slashCommandBody({ text, user, responseUrl }), { secret: SIGNING_SECRET });
  expect(res.status).toBe(200);
  const [reply] = await slackApi.waitFor(() => slackApi.responsesTo(responseUrl).length > 0 && slackApi.responsesTo(responseUrl));
  return visibleText(reply!.body);
}

function expectOperations(text: string) {
  expect(text).toContain(VERSION);
  expect(text).toMatch(/Slack[\s\S]{0,20}live: HTTP events: SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are set/);
  expect(text).toMatch(/Teams[\s\S]{0,20}live: local mode/);
  expect(text).toMatch(/Email[\s\S]{0,20}live: SMTP_URL is set/);
  expect(text).toMatch(/SQLite: all \d+ migrations applied/);
  expect(text).toContain('0 notice(s), 0 of them due now');
  // The scheduler ran its start-up ticks (test-bot.ts sets the cron far away, not the first run).
  expect(text).toMatch(/provisioning[\s\S]{0,40}UTC \(under a minute ago\), finished/);
  for (const secret of [SIGNING_SECRET, BOT_TOKEN, smtp.url]) expect(text).not.toContain(secret);
}

describe('ops in chat (real bot, SQLite, real SMTP server)', () => {
  it('shows an Administrator of every domain how the bot runs, in Slack', { timeout: 30_000 }, async () => {
    await bot.tick();
    expectOperations(await slackCommand('ops', ADA_SLACK));
  });

  it('shows an Administrator of every domain how the bot runs, in Teams', { timeout: 30_000 }, async () => {
    await bot.tick();
    expectOperations(cardText(await say(bot, personalChat(bot.connector.url, ADA), ADA, 'ops')));
  });

  it('refuses an Administrator of one domain on both platforms, saying why', { timeout: 30_000 }, async () => {
    const slack = await slackCommand('ops', DORA_SLACK);
    const teams = cardText(await say(bot, personalChat(bot.connector.url, DORA), DORA, 'ops'));
    for (const text of [slack, teams]) {
      expect(text).toContain('Administrator role in every domain');
      expect(text).not.toContain(VERSION);
    }
  });
});
