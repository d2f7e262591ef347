import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, Order, ProvisioningTransaction } from '../../../core/index';
import { dayFrom } from '../../fakes/test-dates';
import { loadConfig } from '../../../bot/config';
import { ALICE, BOB, OLIVE, orderIntake } from '../../fixtures/orders';
import { RecordingSlackApi } from '../../../scripts/bench/slack/recording-slack-api';
import type { ResponseUrlPost } from '../../../scripts/bench/slack/recording-slack-api';
import { blockActionsBody, postSigned, slashCommandBody } from '../../../scripts/bench/slack/slack-signing';
import type { SlackUserRef } from '../../../scripts/bench/slack/slack-signing';
import { startBot } from '../../../bot/main';

export const SIGNING_SECRET = 'e2e-signing-secret-0123456789abcdef';
export const API_TOKEN = 'e2e-api-token-0123456789';
export const BOT_TOKEN = 'xoxb-test';

/** Slack users in the workspace; Olive is in the directory by email only, found through users.info. */
export const U = {
  alice: { id: ALICE.slackUserId, name: 'alice' },
  bob: { id: BOB.slackUserId, name: 'bob' },
  olive: { id: 'UOLIVE', name: 'olive' },
} satisfies Record<string, SlackUserRef>;

export type SlackE2E = Awaited<ReturnType<typeof startSlackE2E>>;

/** The real bot on a fresh SQLite file, its Slack Web API at a recording server, email to an outbox. */
/** `env` adds to (or overrides) the bot's configuration, e.g. its rate limits. */
export async function startSlackE2E(env: Record<string, string> = {}) {
  const api = await RecordingSlackApi.start();
  api.users.set(U.olive.id, { email: OLIVE.email, real_name: OLIVE.name });
  const dir = await mkdtemp(join(tmpdir(), 'provbot-slack-e2e-'));
  const outbox = join(dir, 'outbox');
  const bot = await startBot(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: `file:${join(dir, 'test.db')}`,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: `${api.url}/api/`,
      OUTBOX_DIR: outbox,
      API_TOKEN,
      LOG_LEVEL: 'silent',
      ...env,
    }),
  );
  const events = `${bot.url}/slack/events`;

  const apiPost = async (path: string, body: unknown) => {
    const res = await fetch(`${bot.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };

  const h = {
    api,
    bot,
    core: bot.core,
    events,
    async seedUsers() {
      for (const u of [ALICE, BOB, OLIVE]) await apiPost('/api/users', u);
    },
    /** An order placed by Alice, started two days ago (initial emails already out); `pastPonr` lines onboarded. */
    async seedOrder(number: string, pastPonr: number[] = [], lines = 3): Promise<Order> {
      const rsd = dayFrom(bot.clock, -2);
      const intake = orderIntake({
        number,
        requestedStartDate: rsd,
        lines: Array.from({ length: lines }, (_, i) => ({
          lineNumber: i + 1,
          product: `Product ${i + 1}`,
          provisioningContactEmail: `it${i + 1}@customer.example`,
        })),
      });
      await apiPost('/api/orders', intake);
      if (pastPonr.length) await apiPost(`/api/orders/${number}/onboarded`, { lines: pastPonr, organizationId: `org-${number}` });
      // Its initial emails are out before a test counts emails.
      await bot.dispatch();
      return h.core.getOrder(number);
    },
    /** Sends `/prov <text>` as `user`; resolves on the HTTP answer (the ack). */
    async command(user: SlackUserRef, text: string) {
      const responseUrl = api.responseUrl();
      const res = await postSigned(events, slashCommandBody({ text, user, responseUrl }), { secret: SIGNING_SECRET });
      return { status: res.status, body: await res.text(), responseUrl };
    },
    /** Clicks a button on a message the bot posted. */
    async click(user: SlackUserRef, actionId: string, value: string, message: { channel: string; ts: string }) {
      const responseUrl = api.responseUrl();
      const res = await postSigned(events, blockActionsBody({ user, actionId, value, responseUrl, message }), { secret: SIGNING_SECRET });
      return { status: res.status, body: await res.text(), responseUrl };
    },
    /** The reply posted to a response_url, once it arrives. */
    reply: (responseUrl: string, timeoutMs = 5000): Promise<ResponseUrlPost> =>
      api.waitFor(() => api.responsesTo(responseUrl)[0], timeoutMs),
    async actor(user: SlackUserRef): Promise<Actor> {
      return h.core.identifyChatUser({ platform: 'slack', platformUserId: user.id, name: user.name, lookupEmail: async () => null });
    },
    /** What a change would touch: the order and its history, as Alice may read it, once the outbox sent what was due. */
    async snapshot(number: string): Promise<{ order: Order; history: ProvisioningTransaction[] }> {
      await bot.dispatch();
      const order = await h.core.getOrder(number);
      const { transactions } = await h.core.getOrderHistory({ actor: await h.actor(U.alice), orderNumber: number });
      return { order, history: transactions };
    },
    /** Raw .eml files in the outbox, addressed to `to`. */
    async emailsTo(to: string): Promise<string[]> {
      const names = await readdir(outbox).catch(() => [] as string[]);
      const all = await Promise.all(names.filter((n) => n.endsWith('.eml')).map((n) => readFile(join(outbox, n), 'utf8')));
      return all.filter((raw) => new RegExp(`^To: .*${to.replace(/[.]/g, '\\.')}`, 'mi').test(raw));
    },
    async stop() {
      await bot.stop();
      await api.stop();
      // Work after the ack (a decision email, say) may still be writing to the outbox.
      await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    },
  };
  return h;
}

/** Every text a person sees in a Block Kit message, mrkdwn entities decoded. */
export function visibleText(message: Record<string, unknown>): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const item of v) walk(item);
      return;
    }
    if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'text' && typeof x === 'string') out.push(x);
        else walk(x);
      }
    }
  };
  walk(message.blocks);
  return out.join('\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Button action_ids in a Block Kit message. */
export function buttonsOf(message: Record<string, unknown>): { action_id: string; value: string }[] {
  const blocks = (message.blocks ?? []) as { type: string; elements?: { type: string; action_id: string; value: string }[] }[];
  return blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).filter((e) => e.type === 'button').map((e) => ({ action_id: e.action_id, value: e.value })));
}
