import type { App, webApi } from '@slack/bolt';
import type { Actor, Core, Logger } from '../../../core/index';
import { createAfterAckQueue } from '../after-ack-queue';
import type { SlackListenerDeps } from '../slack-listener-deps';

/**
 * For listener tests without HTTP: an App that keeps the view handlers registered on
 * it, a core of stubs, a WebClient that records chat.postMessage, and response_url
 * replies recorded by URL. (The end-to-end tests drive the real thing.)
 */
export type ViewHandler = (args: { ack: (response?: unknown) => Promise<void>; body: unknown }) => Promise<void>;

export function fakeApp() {
  const views = new Map<string, ViewHandler>();
  const app = { view: (c: { callback_id: string }, handler: ViewHandler) => void views.set(c.callback_id, handler) } as unknown as App;
  /** Calls the handler like Bolt does and returns what it acked with. */
  const submit = async (callbackId: string, body: unknown) => {
    const acks: unknown[] = [];
    await views.get(callbackId)!({ ack: async (r?: unknown) => void acks.push(r ?? null), body });
    return acks;
  };
  return { app, submit };
}

export const ACTOR: Actor = { channel: 'slack', name: 'Al', email: 'al@acme.example', platformUserId: 'UAL', user: null };

export function fakeDeps(core: Partial<Core>, o: { viewBudgetMs?: number } = {}) {
  const posted: Record<string, unknown>[] = [];
  const logged: { level: string; message: string }[] = [];
  const log: Logger = {
    info: (_f, m) => void logged.push({ level: 'info', message: m }),
    warn: (_f, m) => void logged.push({ level: 'warn', message: m }),
    error: (_f, m) => void logged.push({ level: 'error', message: m }),
  };
  const client = { chat: { postMessage: async (args: Record<string, unknown>) => void posted.push(args) } } as unknown as webApi.WebClient;
  const fullCore = { identifyChatUser: async () => ACTOR, ...core } as Core;
  const deps: SlackListenerDeps = {
    core: () => fullCore,
    client,
    log,
    afterAck: createAfterAckQueue({ log }),
    viewBudgetMs: o.viewBudgetMs ?? 500,
  };
  return { deps, posted, logged };
}

/** A deferred promise: the test decides when the core answers. */
export function later<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
