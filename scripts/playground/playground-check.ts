/**
 * npm run playground:check: the Teams side as a person sees it. Starts the bot on a fresh
 * SQLite file with the demo data (npm run seed), in local mode, opens it in the Microsoft
 * 365 Agents Playground (a Teams-like client) in headless Chromium, types a few commands,
 * clicks through an approval, and writes a screenshot after each into data/playground/.
 * Open the PNGs before calling a chat change done.
 *
 * Outside `npm test`: it needs Debian's Chromium (installed with apt-get when missing and
 * run as root) and the Playground and playwright-core, installed on demand into
 * .scratch/playground (gitignored), so the project itself does not depend on them.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../bot/config';
import { startBot } from '../../bot/main';
import { WORKFLOW_DOMAIN } from '../db/seed-workflow';
import type { Chromium } from './drive-conversation';
import { driveConversation } from './drive-conversation';

const TOOLS_DIR = resolve('.scratch/playground');
const TOOLS = ['@microsoft/m365agentsplayground@0.2.28', 'playwright-core@1.65.1'];
const SHOTS_DIR = resolve('data/playground');
const CHROMIUM = '/usr/bin/chromium';
// The Playground's mock user ("Alex Wilber", .m365agentsplayground.yml defaults).
const PLAYGROUND_USER = { teamsUserId: 'user-id-0', email: 'alexw@example.com', name: 'Alex Wilber' };

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  console.log('installing Debian chromium (apt-get)');
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (run.status !== 0) throw new Error('could not install chromium: run `apt-get install chromium` as root');
  }
}

function ensureTools(): void {
  if (
    existsSync(join(TOOLS_DIR, 'node_modules/playwright-core')) &&
    existsSync(join(TOOLS_DIR, 'node_modules/@microsoft/m365agentsplayground'))
  )
    return;
  console.log(`installing ${TOOLS.join(' and ')} into ${TOOLS_DIR}`);
  const run = spawnSync('npm', ['install', '--prefix', TOOLS_DIR, '--no-save', ...TOOLS], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('could not install the Playground');
}

/** Starts the Playground against the bot; resolves with its UI's URL once it listens. */
function startPlayground(botUrl: string, port: number): Promise<{ url: string; child: ChildProcess }> {
  const bin = join(TOOLS_DIR, 'node_modules/.bin/agentsplayground');
  const child = spawn(bin, ['start', '-e', `${botUrl}/api/messages`, '-c', 'msteams', '-p', String(port), '--disable-telemetry'], {
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', APPLICATION_INSIGHTS_NO_STATSBEAT: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error('the Playground did not start within 60 s')), 60_000);
    const onData = (chunk: Buffer) => {
      if (/Listening on/.test(chunk.toString())) {
        clearTimeout(timer);
        resolveStart({ url: `http://127.0.0.1:${port}`, child });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the Playground exited (${code})`)));
  });
}

async function main(): Promise<void> {
  ensureChromium();
  ensureTools();
  const dir = await mkdtemp(join(tmpdir(), 'provbot-playground-'));
  const env = {
    NODE_ENV: 'development',
    PORT: '0',
    DATABASE_URL: `file:${join(dir, 'playground.db')}`,
    OUTBOX_DIR: join(dir, 'outbox'),
    SETTINGS_KEY_FILE: join(dir, 'settings.key'),
    LOG_LEVEL: 'warn',
  };
  // The demo data, as `npm run seed` writes it.
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db/seed.ts'], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (seeded.status !== 0) throw new Error('npm run seed failed');
  const bot = await startBot(loadConfig({ ...process.env, ...env }));
  let playground: ChildProcess | null = null;
  try {
    await bot.core.registerUser({
      email: PLAYGROUND_USER.email,
      name: PLAYGROUND_USER.name,
      teamsUserId: PLAYGROUND_USER.teamsUserId,
      roles: [
        { role: 'Administrator', domain: '*' },
        { role: 'Approval', domain: WORKFLOW_DOMAIN },
      ],
    });
    const started = await startPlayground(bot.url, 56150);
    playground = started.child;
    await mkdir(SHOTS_DIR, { recursive: true });
    const require = createRequire(join(TOOLS_DIR, 'package.json'));
    const { chromium } = require('playwright-core') as { chromium: Chromium };
    const shots = await driveConversation({
      chromium,
      executablePath: CHROMIUM,
      url: started.url,
      userDataDir: join(dir, 'chromium'),
      shotsDir: SHOTS_DIR,
    });
    console.log(`screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
  } finally {
    playground?.kill();
    await bot.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
