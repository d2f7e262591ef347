import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_API_TOKEN } from '../../fakes/test-bot';

const SCRIPT = fileURLToPath(new URL('./bot-process.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Loading tsx, Bolt, teams-ai and Prisma takes seconds, more on a busy machine. */
const START_TIMEOUT_MS = 45_000;

/** Same in every process of a test, as in a real deployment: stored SMTP passwords stay readable to all of them. */
export const SETTINGS_KEY = '5f'.repeat(32);
export const LINK_SECRET = 'delivery-e2e-link-secret-0123456789abcdef';

export interface BotProcess {
  url: string;
  pid: number;
  /** The bot's REST API with the test token, as TestBot.api. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Kills it with this signal and resolves once it has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Sends it this signal without waiting (see `exited`). */
  signal(signal: NodeJS.Signals): void;
  /** Resolves with its exit code (null when a signal ended it) once it has exited. */
  exited: Promise<number | null>;
  /** What it wrote (pino's JSON lines at LOG_LEVEL, and stderr), for failure messages. */
  output(): string;
}

/** Every bot process started and not yet reaped, so a failing test leaves none behind. */
const running = new Set<BotProcess>();

/**
 * A provbot in its own OS process (bot-process.ts): its own connections, timers and
 * claims, killable with SIGKILL mid-send as a crash or an OOM kill would. `env` is
 * laid over test defaults (schedules far away, test API token, shared key and link
 * secret, emails as files in a temp dir unless SMTP_URL is given); DATABASE_URL is the caller's.
 * `clockOffsetMs` runs the process's clock that far ahead of the system's (bot-process.ts).
 */
export async function startBotProcess(env: Record<string, string>, options: { clockOffsetMs?: number } = {}): Promise<BotProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'provbot-process-'));
  const fullEnv = {
    OUTBOX_DIR: join(dir, 'outbox'),
    NODE_ENV: 'test',
    PORT: '0',
    API_TOKEN: TEST_API_TOKEN,
    SETTINGS_KEY,
    LINK_SECRET,
    LOG_LEVEL: 'warn',
    PROVISIONING_SCHEDULE: '0 0 1 1 *',
    NOTIFY_SCHEDULE: '0 0 1 1 *',
    ...env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, JSON.stringify(fullEnv), JSON.stringify(options)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      rmSync(dir, { recursive: true, force: true });
      resolve(code);
    }),
  );
  const url = await listeningUrl(child, () => out);
  const proc: BotProcess = {
    url,
    pid: child.pid!,
    api: (method, path, body) => callApi(url, method, path, body),
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      running.delete(proc);
    },
    signal(signal) {
      child.kill(signal);
    },
    exited,
    output: () => out,
  };
  running.add(proc);
  return proc;
}

/** SIGKILLs every bot process still running (afterEach/afterAll). */
export async function killAllBotProcesses(): Promise<void> {
  await Promise.all([...running].map((p) => p.kill('SIGKILL')));
}

function listeningUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bot process did not start within ${START_TIMEOUT_MS} ms:\n${output()}`));
    }, START_TIMEOUT_MS);
    const onData = () => {
      const url = /^listening (\S+)$/m.exec(output())?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve(url);
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`bot process exited (${code ?? signal}) before it listened:\n${output()}`));
    });
  });
}

async function callApi(base: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${TEST_API_TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
