import { fork, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { AppRequest } from './app-process';

export interface ChildApp {
  /** The Slack events endpoint. */
  url: string;
  /** The server's base URL (the bot's order API lives there). */
  base: string;
  stop(): Promise<void>;
}

/** Starts an app under bench in its own Node process (with tsx) and waits for its URL. */
export function startAppInChild(request: Exclude<AppRequest, { kind: 'stop' }>): Promise<ChildApp> {
  const child = fork(fileURLToPath(new URL('./app-process.ts', import.meta.url)), [], {
    execArgv: [
      '--import',
      'tsx',
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
