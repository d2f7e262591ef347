import { fork, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { AppRequest } from './app-process';

export interface ChildApp {
  /** The Slack events endpoint. */
  url: string;
  /** The server's base URL (the bot's order API lives there). */
  base: string;
  /** The app process's resident set size now, in MB (Linux /proc; null elsewhere). */
  rssMb(): number | null;
  stop(): Promise<void>;
}

/** Starts an app under bench in its own Node process (with tsx) and waits for its URL. */
export function startAppInChild(request: Exclude<AppRequest, { kind: 'stop' }>): Promise<ChildApp> {
  const entry = request.kind === 'bot' ? compiledAppProcess() : fileURLToPath(new URL('./app-process.ts', import.meta.url));
  const child = fork(entry, [], {
    execArgv: [
      // The bot runs as `npm start` runs it: compiled JavaScript with the same V8 flag; the bare app through tsx.
      ...(request.kind === 'bot' ? [START_FLAG] : ['--import', 'tsx']),
      ...(process.env.BENCH_PROF && request.kind === process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  pinToOwnCore(child.pid);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${request.kind} app exited with ${code} before it was up`)));
    child.once('message', (msg: { url?: string; base?: string; error?: string }) => {
      if (msg.error || !msg.url || !msg.base) return reject(new Error(`${request.kind} app failed: ${msg.error ?? 'no URL'}`));
      resolve({
        url: msg.url,
        base: msg.base,
        rssMb: () => rssMbOf(child.pid),
        stop: async () => {
          child.send({ kind: 'stop' } satisfies AppRequest);
          const timeout = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timeout);
        },
      });
    });
    child.send(request);
  });
}

/**
 * On a machine with two or more cores, the app under bench gets the last core to
 * itself and this process (load generator, fake Slack API) the others, so the OS
 * does not interleave the two on one core: that interleaving, not the app, made
 * most of the p99 in unpinned runs. Without taskset (not Linux) nothing is pinned.
 */
function pinToOwnCore(pid: number | undefined): void {
  const cores = availableParallelism();
  if (!pid || cores < 2) return;
  const last = String(cores - 1);
  const rest = cores === 2 ? '0' : `0-${cores - 2}`;
  const pinned = spawnSync('taskset', ['-a', '-pc', last, String(pid)], { stdio: 'ignore' }).status === 0;
  if (pinned) spawnSync('taskset', ['-a', '-pc', rest, String(process.pid)], { stdio: 'ignore' });
}

/** VmRSS of a process from /proc (Linux), in MB. */
function rssMbOf(pid: number | undefined): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

/** The V8 flag `npm start` runs the bot with (package.json), so the bench measures what production runs. */
const START_FLAG = (() => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  return /--max-semi-space-size=\d+/.exec(pkg.scripts.start)?.[0] ?? '--max-semi-space-size=16';
})();

/**
 * app-process.ts bundled like `npm run build` bundles the bot (esbuild, packages left
 * external), to dist/bench/ (two levels down, like bot/, so the prisma directory resolves).
 */
function compiledAppProcess(): string {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const esbuild = `${root}node_modules/.bin/esbuild`;
  const args = ['app-process=scripts/bench/app-process.ts', 'migrate-process=adapters/db/migrate-process.ts'];
  const flags = ['--bundle', '--platform=node', '--format=esm', '--packages=external', '--log-level=warning', '--outdir=dist/bench'];
  const built = spawnSync(esbuild, [...args, ...flags], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('esbuild could not bundle the bench app');
  return `${root}dist/bench/app-process.js`;
}
