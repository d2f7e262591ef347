import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utcDay } from '../../core/index';
import { RecordingSlackApi } from './slack/recording-slack-api';
import { slashCommandBody } from './slack/slack-signing';
import { startAppInChild } from './app-in-child';
import type { Bench, BenchResult, BenchRow } from './bench';
import { ms, percentile } from './bench';
import type { LoadResult } from './signed-load';
import { sendPacedSignedLoad, sendSignedLoad } from './signed-load';

const SECRET = 'bench-signing-secret-0123456789';
const API_TOKEN = 'bench-api-token-0123456789';
const REQUESTS = 1000;
const WARMUP = 200;
const CONCURRENCY = 20;
const PACED_RATE = 50;
const PACED_REQUESTS = 500;
const ROUNDS = 5;
const TARGET_P99_MS = 50;
const TARGET_RATIO = 1.5;
/** The target for the idle bot, Slack and Teams both on. */
const TARGET_IDLE_RSS_MB = 250;
/** How long the bot sits untouched before its idle RSS is read: start-up work and timers settle. */
const IDLE_SETTLE_MS = 5_000;
const ALICE = { email: 'alice@acme-partner.example', name: 'Alice Placer', slackUserId: 'UALICE', roles: [] };

/**
 * Ack latency of `/prov status <order>` on the real bot (SQLite, signed requests,
 * replies to a recording response_url) against a bare Bolt app that only acks.
 * Slack gives an ack 3 seconds; the target is that the bot's work, all of it after
 * the ack, costs the ack next to nothing. Two loads: the closed loop asked for
 * (20 always in flight, which saturates the app) and a steady open-loop rate.
 */
export const slackStatusBench: Bench = {
  name: 'slack-status',
  description: `signed /prov status: ${REQUESTS} at ${CONCURRENCY} concurrent, then ${PACED_REQUESTS} at ${PACED_RATE}/s; keep-alive; bot vs bare Bolt`,
  async run(): Promise<BenchResult> {
    const api = await RecordingSlackApi.start();
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
    };
    // Each app in its own process: the load generator and the fake Slack (this process) stay off their event loops.
    const bot = await startAppInChild({ kind: 'bot', env });
    const bare = await startAppInChild({ kind: 'bare', signingSecret: SECRET });
    try {
      await seed(bot.base);
      await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
      const idleRss = bot.rssMb();
      const body = () =>
        slashCommandBody({ text: 'status ORD-BENCH', user: { id: ALICE.slackUserId, name: 'alice' }, responseUrl: api.responseUrl() });
      const closed = (url: string, count: number) => sendSignedLoad({ url, secret: SECRET, count, concurrency: CONCURRENCY, body });
      const paced = (url: string, count: number) => sendPacedSignedLoad({ url, secret: SECRET, count, perSecond: PACED_RATE, body });
      // Every bot ack is followed by a reply; waiting for them keeps one run's work out of the next one's figures.
      let expected = 0;
      const drained = (more: number) => {
        expected += more;
        return api.waitFor(() => (api.responses.length >= expected ? api.responses.length : 0), 60_000).catch(() => api.responses.length);
      };
      // Alternating rounds spread whatever else the machine is doing over both apps alike.
      const rounds = async (run: (url: string, count: number) => Promise<LoadResult>, total: number) => {
        const bare_: LoadResult[] = [];
        const bot_: LoadResult[] = [];
        for (let r = 0; r < ROUNDS; r++) {
          // Alternate who goes first, and start each run with this process's heap
          // collected, so neither app inherits the other's leftovers here.
          for (const app of r % 2 === 0 ? ['bare', 'bot'] : ['bot', 'bare']) {
            collectGarbage();
            if (app === 'bare') bare_.push(await run(bare.url, total / ROUNDS));
            else {
              bot_.push(await run(bot.url, total / ROUNDS));
              // The bot's replies finish before anything else is measured.
              await drained(total / ROUNDS);
            }
          }
        }
        return { bare: merge(bare_), bot: merge(bot_) };
      };
      await rounds(closed, WARMUP);
      const closedRun = await rounds(closed, REQUESTS);
      const afterRss = bot.rssMb();
      const pacedRun = await rounds(paced, PACED_REQUESTS);
      const delivered = api.responses.length;
      const [closedBot, closedBare, pacedBot, pacedBare] = [closedRun.bot, closedRun.bare, pacedRun.bot, pacedRun.bare];
      return {
        name: 'slack-status',
        rows: [
          {
            metric: 'bot RSS idle (Slack and Teams on, seeded)',
            value: mb(idleRss),
            target: `< ${TARGET_IDLE_RSS_MB} MB`,
            pass: idleRss !== null && idleRss < TARGET_IDLE_RSS_MB,
          },
          { metric: `bot RSS after the ${WARMUP}-command warm-up and the ${REQUESTS}-command run`, value: mb(afterRss) },
          ...compare(`closed ${CONCURRENCY}`, closedBot, closedBare),
          ...compare(`paced ${PACED_RATE}/s`, pacedBot, pacedBare),
          { metric: 'bot replies delivered', value: `${delivered}/${expected}`, target: 'all', pass: delivered >= expected },
        ],
        notes: NOTES,
      };
    } finally {
      await bare.stop();
      await bot.stop();
      await api.stop();
      await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    }
  },
};

const NOTES = [
  `Latency is the time to the HTTP answer (the ack). Each app runs in its own process; the load generator and the fake Slack API run in this one. Each load runs in ${ROUNDS} rounds alternating bare and bot (and which goes first), after a warm-up of ${WARMUP} each; the bot's replies are drained between rounds. Each app process is pinned to the last core and this process to the others (taskset), where there are two or more.`,
  `closed ${CONCURRENCY}: ${CONCURRENCY} requests always in flight saturate the app, so latency is ${CONCURRENCY} / throughput (Little's law): the bot acks before its work, and that work (two database reads, rendering, the reply to the response_url) waits in the after-ack queue, which starts one job per event-loop turn, so acks are not queued behind it; the replies catch up after the burst (counted in 'bot replies delivered').`,
  `paced ${PACED_RATE}/s: requests leave on a fixed schedule whatever the answers (open loop), latency counted from the scheduled time; this is how commands from many users arrive.`,
];

const mb = (v: number | null) => (v === null ? 'n/a (no /proc)' : `${v} MB`);

/** run-bench starts node with --expose-gc; without it this is a no-op. */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

const merge = (runs: LoadResult[]): LoadResult => ({
  latencies: runs.flatMap((r) => r.latencies).sort((a, b) => a - b),
  failures: runs.reduce((n, r) => n + r.failures, 0),
});

function compare(load: string, bot: LoadResult, bare: LoadResult): BenchRow[] {
  const [b50, b99, r50, r99] = [
    percentile(bot.latencies, 50),
    percentile(bot.latencies, 99),
    percentile(bare.latencies, 50),
    percentile(bare.latencies, 99),
  ];
  return [
    {
      metric: `${load}: bot ack p50 / p99`,
      value: `${ms(b50)} / ${ms(b99)}`,
      target: `p99 < ${TARGET_P99_MS} ms`,
      pass: b99 < TARGET_P99_MS,
    },
    { metric: `${load}: bare Bolt ack p50 / p99`, value: `${ms(r50)} / ${ms(r99)}` },
    {
      metric: `${load}: ratio bot/bare p50 / p99`,
      value: `${(b50 / r50).toFixed(2)} / ${(b99 / r99).toFixed(2)}`,
      target: `p99 < ${TARGET_RATIO}`,
      pass: b99 / r99 < TARGET_RATIO,
    },
    {
      metric: `${load}: non-200 answers bot, bare`,
      value: `${bot.failures}, ${bare.failures}`,
      target: '0, 0',
      pass: bot.failures + bare.failures === 0,
    },
  ];
}

async function seed(url: string): Promise<void> {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`seeding ${path}: ${res.status} ${await res.text()}`);
  };
  await post('/api/users', ALICE);
  await post('/api/orders', {
    number: 'ORD-BENCH',
    subscriptionId: 'Sub-BENCH',
    offer: 'A-Flex',
    domain: 'acme-partner.example',
    placedBy: { email: ALICE.email, name: ALICE.name },
    requestedStartDate: utcDay(new Date()),
    lines: [1, 2, 3].map((n) => ({ lineNumber: n, product: `Product ${n}`, provisioningContactEmail: `it${n}@customer.example` })),
  });
}
