import { mkdtemp, rm } from 'node:fs/promises';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseActivityActionValue } from '../../adapters/presenters/view';
import { buttonClickBody } from './slack/slack-interactions';
import type { PostedButton } from './slack/slack-interactions';
import { RecordingSlackApi } from './slack/recording-slack-api';
import type { SlackApiCall } from './slack/recording-slack-api';
import { signedHeaders } from './slack/slack-signing';
import { startAppInChild } from './app-in-child';
import type { Bench, BenchResult, BenchRow } from './bench';
import { ms, percentile } from './bench';
import { post } from './signed-load';
import { SlackCallWaiters } from './slack-call-waiters';
import { inParallel, placeOrders, restApi, seedApprovalDomain, SUBSCRIBER } from './workflow-seed';

const SECRET = 'bench-signing-secret-0123456789';
const API_TOKEN = 'bench-api-token-0123456789';
const APPROVALS = 500;
const WARMUP = 50;
const CONCURRENCY = 10;
const SEED_CONCURRENCY = 4;
/** A click whose chat.update has not come by then counts as lost rather than stalling the run. */
const UPDATE_TIMEOUT_MS = 10_000;
/**
 * Approvers, each alone in a domain of their own with a subscriber: Slack takes about one
 * message a second per channel, a DM included, and the dispatcher keeps to it, so 1,050
 * Approval DMs to one person would take 17 minutes to arrive. Spread over this many
 * people they arrive within seconds, and the clicks measure what they should.
 */
const APPROVERS = 105;
const approver = (i: number) => ({
  email: `approver${i}@bench${i}.example`,
  name: `Approver ${i}`,
  slackUserId: `UBENCH${i}`,
  domain: `bench${i}.example`,
  login: `bsub${i}`,
});

/** An Approval DM as the approver sees it: where it is and its Approve button. */
interface ApprovalCard {
  orderNumber: string;
  channel: string;
  ts: string;
  text: string;
  approve: PostedButton;
  /** The approver the DM went to, who clicks it. */
  user: { id: string; name: string };
}

interface ClickRun {
  /** Click sent to chat.update recorded, ms, ascending. */
  latencies: number[];
  /** Acks that were not HTTP 200. */
  badAcks: number;
  /** Clicks whose chat.update did not come within UPDATE_TIMEOUT_MS. */
  lost: number;
  /** Updates that did not show the activity as approved. */
  notApproved: number;
  /** Wall time of the run, when nothing but clicks paced it (no settle step). */
  seconds: number | null;
}

/**
 * Issue 3: "approve click to the chat.update call reaching the recording Slack API,
 * p50 and p99 over 500 approvals". The real bot in its own process with Slack on;
 * each order's Approval is DM'd to the approver, whose signed Approve click must
 * come back as a chat.update of that very DM.
 */
export const slackApprovalBench: Bench = {
  name: 'slack-approval',
  description: `signed Approve clicks on Approval DMs: ${APPROVALS} one at a time, then ${APPROVALS} at ${CONCURRENCY} concurrent; click to chat.update; SQLite`,
  async run(): Promise<BenchResult> {
    const api = await RecordingSlackApi.start();
    const waiters = new SlackCallWaiters(api);
    const dir = await mkdtemp(join(tmpdir(), 'provbot-bench-'));
    const env = {
      PORT: '0',
      DATABASE_URL: `file:${join(dir, 'bench.db')}`,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: `${api.url}/api/`,
      OUTBOX_DIR: join(dir, 'outbox'),
      API_TOKEN,
      LOG_LEVEL: 'warn',
      // The scheduler's batch run stays out of the measurement.
      PROVISIONING_SCHEDULE: '0 0 1 1 *',
    };
    const bot = await startAppInChild({ kind: 'bot', env });
    try {
      const rest = restApi(bot.base, API_TOKEN);
      await inParallel(APPROVERS, SEED_CONCURRENCY, async (i) => {
        const { domain, login, ...person } = approver(i);
        await seedApprovalDomain(rest, person, domain, { ...SUBSCRIBER, login, email: `${login}@${domain}` });
      });
      const total = WARMUP + 2 * APPROVALS;
      const seeded = await placeOrders(rest, total, SEED_CONCURRENCY, (i) => approver(i % APPROVERS).login);
      await waiters.count('chat.postMessage', total, 60_000);
      const cards = approvalCards(api.callsTo('chat.postMessage'));
      const ordered = seeded.map((o, i) => {
        const card = cards.get(o.activityId);
        if (!card) throw new Error(`no Approval DM for order ${o.number}`);
        const { slackUserId, name } = approver(i % APPROVERS);
        return { ...card, orderNumber: o.number, user: { id: slackUserId, name } };
      });
      const completed = (number: string) =>
        untilCompleted(() => rest('GET', `/api/work-orders/${number}`) as Promise<{ order: { state: string } }>);
      const click = (batch: ApprovalCard[], concurrency: number, settle?: (card: ApprovalCard) => Promise<void>) =>
        approveAll({ url: bot.url, api, waiters, cards: batch, concurrency, settle });
      await click(ordered.slice(0, WARMUP), CONCURRENCY);
      collectGarbage();
      const one = await click(ordered.slice(WARMUP, WARMUP + APPROVALS), 1, (card) => completed(card.orderNumber));
      collectGarbage();
      const many = await click(ordered.slice(WARMUP + APPROVALS), CONCURRENCY);
      return { name: 'slack-approval', rows: [...rowsOf('1 at a time', one), ...rowsOf(`${CONCURRENCY} concurrent`, many)], notes: NOTES };
    } finally {
      await bot.stop();
      await api.stop();
      await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    }
  },
};

const NOTES = [
  `Seeded through the REST API: ${APPROVERS} approvers with Slack user ids, each holding the Approval role in a domain of their own with a subscriber and rules under which an Add order needs approval and no assignment, and ${WARMUP + 2 * APPROVALS} Extension Mobility Access orders (Approval their only step) spread over them, so no DM channel gets more than Slack's pace allows; each Approval is DM'd to its approver through the outbox, and the Approve button (activity id and order version) is read from the recorded blocks of that DM; the click comes from that approver.`,
  `Latency runs from sending the signed block_actions click to the moment the recording Slack API (in this process) has read the chat.update for that DM (matched on channel and ts; a waiter per message, no polling). It covers the ack, the after-ack queue, identifying the user, reading the order, the commit, and rendering and sending the update; provisioning the order and the subscriber's email come after the update.`,
  `1 at a time: the next click leaves once the previous update has arrived and the order reads Completed through the API (read off the clock), so each click meets a bot with no earlier approval still provisioning, as an approver's clicks seconds apart would. ${CONCURRENCY} concurrent: ${CONCURRENCY} clicks always awaiting their update, with provisioning and emails of earlier approvals running alongside, so latency includes waiting behind the others (about ${CONCURRENCY} / throughput). ${WARMUP} warm-up clicks first, not counted. The bot runs in its own process on SQLite (pinned to its own core where there are two or more), the clicks and the fake Slack API in this one.`,
];

/** The Approve button of each Approval DM, by activity id. */
function approvalCards(posts: SlackApiCall[]): Map<string, Omit<ApprovalCard, 'orderNumber' | 'user'>> {
  const cards = new Map<string, Omit<ApprovalCard, 'orderNumber' | 'user'>>();
  for (const call of posts) {
    if (!call.answer.ok) continue;
    const blocks = (call.args.blocks ?? []) as {
      type: string;
      block_id?: string;
      elements?: { type: string; action_id?: string; value?: string }[];
    }[];
    for (const block of blocks.filter((b) => b.type === 'actions')) {
      const button = block.elements?.find((e) => e.type === 'button' && e.action_id === 'activity.approve');
      const target = button?.value ? parseActivityActionValue(button.value) : null;
      if (!button || !target) continue;
      const approve = { action_id: 'activity.approve', value: button.value!, block_id: block.block_id ?? '' };
      cards.set(target.activityId, {
        channel: String(call.answer.channel),
        ts: String(call.answer.ts),
        text: String(call.args.text ?? ''),
        approve,
      });
    }
  }
  return cards;
}

/** Clicks Approve on each card, `concurrency` awaiting their update at a time; each click's clock starts once its body is signed. */
async function approveAll(o: {
  url: string;
  api: RecordingSlackApi;
  waiters: SlackCallWaiters;
  cards: ApprovalCard[];
  concurrency: number;
  /** Runs after each click's update, off the clock, before the worker's next click. */
  settle?: (card: ApprovalCard) => Promise<void>;
}): Promise<ClickRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency });
  const run: ClickRun = { latencies: [], badAcks: 0, lost: 0, notApproved: 0, seconds: null };
  const started = performance.now();
  await inParallel(o.cards.length, o.concurrency, async (i) => {
    const card = o.cards[i]!;
    const body = buttonClickBody({ user: card.user, button: card.approve, responseUrl: o.api.responseUrl(), message: card });
    const headers = { ...signedHeaders(SECRET, body), 'content-length': String(Buffer.byteLength(body)) };
    const updated = o.waiters.arrival('chat.update', card);
    const sent = performance.now();
    const ack = await post(o.url, agent, headers, body);
    if (ack.status !== 200) run.badAcks++;
    const arrival = await Promise.race([updated, sleep(UPDATE_TIMEOUT_MS)]);
    if (!arrival) return void run.lost++;
    run.latencies.push(arrival.at - sent);
    if (!/Approved by/.test(JSON.stringify(arrival.call.args))) run.notApproved++;
    await o.settle?.(card);
  });
  if (!o.settle) run.seconds = (performance.now() - started) / 1000;
  agent.destroy();
  run.latencies.sort((a, b) => a - b);
  return run;
}

/** Reads the order until the approval's provisioning has committed, so the next click meets an idle bot. */
async function untilCompleted(read: () => Promise<{ order: { state: string } }>): Promise<void> {
  const deadline = performance.now() + UPDATE_TIMEOUT_MS;
  while ((await read()).order.state !== 'Completed') {
    if (performance.now() > deadline) throw new Error('an approved order did not complete');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function rowsOf(load: string, run: ClickRun): BenchRow[] {
  const l = run.latencies;
  return [
    { metric: `${load}: click to chat.update p50 / p99`, value: `${ms(percentile(l, 50))} / ${ms(percentile(l, 99))}` },
    { metric: `${load}: min / max`, value: `${ms(l[0] ?? Number.NaN)} / ${ms(l.at(-1) ?? Number.NaN)}` },
    ...(run.seconds === null ? [] : [{ metric: `${load}: approvals per second`, value: (l.length / run.seconds).toFixed(1) }]),
    { metric: `${load}: updated as approved, of clicks`, value: `${l.length - run.notApproved}/${l.length + run.lost}` },
    { metric: `${load}: non-200 acks, updates lost`, value: `${run.badAcks}, ${run.lost}` },
  ];
}

const sleep = (msTimeout: number) => new Promise<null>((resolve) => setTimeout(() => resolve(null), msTimeout).unref());

/** run-bench starts node with --expose-gc; without it this is a no-op. */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();
