import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock, PartState, RecentError, SchedulerTick, SelfDescription, SelfReport } from '../core/index';
import type { Config } from './config';

/** How many errors `ops` lists: the last few say what is failing now; the logs have the rest. */
export const RECENT_ERRORS_KEPT = 5;

/** The last errors logged, kind and time only (the logger tells it of each; see createLogger's onError). */
export function recentErrorLog(clock: Clock) {
  const errors: RecentError[] = [];
  return {
    record(kind: string) {
      errors.unshift({ kind, at: clock.now() });
      errors.length = Math.min(errors.length, RECENT_ERRORS_KEPT);
    },
    list: (): RecentError[] => errors.map((e) => ({ ...e })),
  };
}
export type RecentErrorLog = ReturnType<typeof recentErrorLog>;

export interface SelfReportParts {
  clock: Clock;
  startedAt: Date;
  config: Config;
  databaseKind: string;
  migrations: () => Promise<SelfDescription['database']['migrations']>;
  errors: RecentErrorLog;
}

/** What this process knows about itself for `ops`; the scheduler tells it of each tick (tickFinished). */
export function createSelfReport(p: SelfReportParts): SelfReport & { tickFinished(job: string, outcome: 'ok' | 'failed'): void } {
  const ticks = new Map<string, SchedulerTick>();
  const version = packageVersion();
  const parts = describeParts(p.config);
  return {
    tickFinished(job, outcome) {
      ticks.set(job, { job, outcome, at: p.clock.now() });
    },
    async describe() {
      return {
        version,
        startedAt: p.startedAt,
        parts,
        database: { kind: p.databaseKind, migrations: await p.migrations() },
        ticks: [...ticks.values()].sort((a, b) => b.at.getTime() - a.at.getTime()),
        errors: p.errors.list(),
      };
    },
  };
}

/** Which parts are live and which setting made them so: names of settings only, never their values. */
export function describeParts(config: Config): PartState[] {
  const { slack, teams, webex, env } = config;
  return [
    slack.mode === 'off'
      ? { name: 'Slack', live: false, why: slack.why }
      : slack.mode === 'socket'
        ? { name: 'Slack', live: true, why: 'Socket Mode: SLACK_APP_TOKEN and SLACK_BOT_TOKEN are set' }
        : { name: 'Slack', live: true, why: 'HTTP events: SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are set' },
    teams.mode === 'off'
      ? { name: 'Teams', live: false, why: teams.why }
      : teams.mode === 'authenticated'
        ? { name: 'Teams', live: true, why: 'MICROSOFT_APP_ID is set: Bot Framework tokens are verified' }
        : { name: 'Teams', live: true, why: 'local mode: MICROSOFT_APP_ID is not set, so activities are not authenticated' },
    env.SMTP_URL
      ? { name: 'Email', live: true, why: 'SMTP_URL is set: mail goes to that server' }
      : { name: 'Email', live: false, why: `SMTP_URL is not set: emails are written as files to ${env.OUTBOX_DIR}` },
    { name: 'Webex', live: webex.mode === 'api', why: webex.why },
  ];
}

/** package.json's version, found from this file up (bot/ under tsx, dist/bot/ when compiled). */
function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++, dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) return String((JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version ?? 'unknown');
  }
  return 'unknown';
}
