import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock, CustomerDirectory, CustomerProvisioning } from '../../core/index';
import { loadConfig } from '../../bot/config';
import { startBot } from '../../bot/main';
import type { LogDestination } from '../../bot/logger';

export const TEST_API_TOKEN = 'test-api-token-0123456789';

/**
 * Where a test bot keeps its data when not in its temp dir's SQLite file: a fresh,
 * empty database and the way to remove it (test/integration/db/test-databases.ts
 * postgresTarget: a new schema on the local PostgreSQL server).
 */
export interface TestBotDatabase {
  fresh(): Promise<{ url: string; drop(): Promise<void> }>;
}

export interface TestBotOptions {
  /** Another database than the SQLite file in the bot's temp dir; dropped on stop(). */
  database?: TestBotDatabase;
  /** The bot's time source; the system clock unless a test drives its own. Read it back as `bot.clock`. */
  clock?: Clock;
  /** Where customers are created; by default the embedded simulator (adapters/webex), as `npm start` has. */
  customerProvisioning?: CustomerProvisioning;
  /** The customers the services setup sees; by default the onboarding customers in the bot's database. */
  customers?: CustomerDirectory;
  /** Where the bot's log lines go (with LOG_LEVEL set in env); nowhere by default. */
  logDestination?: LogDestination;
  /** How long a Teams card click may take before the bot answers with a "working" card (bot/main.ts). */
  teamsInvokeBudgetMs?: number;
}

/**
 * The real bot (real HTTP server, real SQLite file in a temp dir unless `database` is
 * given, emails as .eml files unless SMTP_URL is given) for end-to-end tests. Teams is
 * on in local mode (no app id), Slack when SLACK_BOT_TOKEN is given. The scheduler's
 * cron is set far away; tests call tick() when they want it to run.
 */
export async function startTestBot(env: Record<string, string> = {}, options: TestBotOptions = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'provbot-test-'));
  const database = options.database ? await options.database.fresh() : null;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: database?.url ?? `file:${join(dir, 'test.db')}`,
    OUTBOX_DIR: join(dir, 'outbox'),
    API_TOKEN: TEST_API_TOKEN,
    LOG_LEVEL: 'silent',
    PROVISIONING_SCHEDULE: '0 0 1 1 *',
    // Tests run the notification tick themselves (notifyTick); changes still dispatch at once.
    NOTIFY_SCHEDULE: '0 0 1 1 *',
    // Tests poll customers themselves (pollCustomers).
    WEBEX_POLL_SECONDS: '3600',
    SETTINGS_KEY_FILE: join(dir, 'settings.key'),
    DELIVERY_RETRY_BASE_MS: '50',
    ...env,
  });
  const cleanUp = async () => {
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  };
  const bot = await startBot(config, {
    clock: options.clock,
    customerProvisioning: options.customerProvisioning,
    customers: options.customers,
    logDestination: options.logDestination,
    teamsInvokeBudgetMs: options.teamsInvokeBudgetMs,
  }).catch(async (err: unknown) => {
    await cleanUp();
    throw err;
  });
  const api = async (method: string, path: string, body?: unknown, token: string | null = TEST_API_TOKEN) => {
    const res = await fetch(`${bot.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return {
    ...bot,
    dir,
    outboxDir: join(dir, 'outbox'),
    databaseUrl: config.env.DATABASE_URL,
    api,
    stop: async () => {
      await bot.stop();
      await cleanUp();
    },
  };
}

export type TestBot = Awaited<ReturnType<typeof startTestBot>>;
