import { fork } from 'node:child_process';
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
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
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
