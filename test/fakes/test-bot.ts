import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../bot/config';
import { startBot } from '../../bot/main';

export const TEST_API_TOKEN = 'test-api-token-0123456789';

/**
 * The real bot (real HTTP server, real SQLite file in a temp dir, emails as .eml files
 * unless SMTP_URL is given) for end-to-end tests. The scheduler's cron is set far away;
 * tests call tick() when they want it to run.
 */
export async function startTestBot(env: Record<string, string> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'provbot-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: `file:${join(dir, 'test.db')}`,
    OUTBOX_DIR: join(dir, 'outbox'),
    API_TOKEN: TEST_API_TOKEN,
    LOG_LEVEL: 'silent',
    PROVISIONING_SCHEDULE: '0 0 1 1 *',
    ...env,
  });
  const bot = await startBot(config);
  const api = async (method: string, path: string, body?: unknown, token: string | null = TEST_API_TOKEN) => {
    const res = await fetch(`${bot.url}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return {
    ...bot,
    dir,
    outboxDir: join(dir, 'outbox'),
    api,
    stop: async () => {
      await bot.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type TestBot = Awaited<ReturnType<typeof startTestBot>>;
