import { rosterEntry } from '../../fakes/bot-activities';
import { RecordingBotConnector } from '../../fakes/recording-bot-connector';
import { RecordingSlackApi } from '../../../scripts/bench/slack/recording-slack-api';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBotDatabase } from '../../fakes/test-bot';
import { emailDriver, LINK_SECRET, PUBLIC_URL } from './email-driver';
import { SLACK_SECRET, slackDriver } from './slack-driver';
import { teamsDriver } from './teams-driver';
import { DOMAIN, JANE, PEOPLE, person } from './workflow-people';
import type { Who } from './workflow-people';

export interface WorkOrderDetails {
  order: Record<string, any> & { number: string; version: number; state: string; extendedStatus: string | null };
  activities: (Record<string, any> & { id: string; kind: string; status: string })[];
}

export type WorkflowBot = Awaited<ReturnType<typeof startWorkflowBot>>;

/**
 * One running bot with every channel on at once: Slack (signed requests; its Web API
 * at a recording server), Teams (local mode; activities' serviceUrl at a recording
 * connector) and SMTP (a real SMTP server). The directory, the subscriber and the
 * domain's rules are set through the REST API as an administrator would; the people
 * on Teams have talked to the bot, which is how it can reach them there.
 */
export async function startWorkflowBot(o: { rules: Record<string, unknown>; database?: TestBotDatabase; teamsInvokeBudgetMs?: number }) {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => {});
  };
  try {
    const slackApi = await RecordingSlackApi.start();
    stops.push(() => slackApi.stop());
    const teamsPeople = Object.values(PEOPLE).flatMap((p) => ('teams' in p ? [p.teams] : []));
    const connector = await RecordingBotConnector.start(teamsPeople.map(rosterEntry));
    stops.push(() => connector.close());
    const smtp = await startSmtpTestServer();
    stops.push(() => smtp.stop());
    const env = {
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-workflow-e2e',
      SLACK_API_URL: `${slackApi.url}/api/`,
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      LINK_SECRET,
      MAIL_FROM: 'provbot <provbot@partner.example>',
    };
    const bot = await startTestBot(env, { database: o.database, teamsInvokeBudgetMs: o.teamsInvokeBudgetMs });
    stops.push(() => bot.stop());

    const must = async (method: string, path: string, body?: unknown) => {
      const res = await bot.api(method, path, body);
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const slack = slackDriver(bot.url, slackApi);
    const teams = teamsDriver(bot.url, connector);
    const email = emailDriver(bot.url, smtp);

    for (const p of Object.values(PEOPLE)) {
      await must('POST', '/api/users', {
        email: p.email,
        name: p.name,
        roles: p.roles,
        ...('slackUserId' in p ? { slackUserId: p.slackUserId } : {}),
      });
    }
    await must('POST', '/api/subscribers', JANE);
    await must('PUT', `/api/domains/${DOMAIN}/rules`, o.rules);
    for (const who of Object.keys(PEOPLE) as Who[]) if (person(who).teams) await teams.say(who, 'help');

    return {
      bot,
      slack,
      teams,
      email,
      must,
      workOrder: (number: string) => must('GET', `/api/work-orders/${number}`) as Promise<WorkOrderDetails>,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** Polls `probe` until it returns something truthy: work after a Slack ack, and provisioning, finish after the HTTP answer. */
export async function eventually<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
