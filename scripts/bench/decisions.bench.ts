import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLinkSigner } from '../../adapters/email/links/link-signer';
import { startAppInChild } from './app-in-child';
import type { Bench, BenchResult, BenchRow } from './bench';
import { ms, percentile } from './bench';
import type { BenchDatabase } from './bench-databases';
import { freshPostgres, freshSqlite } from './bench-databases';
import type { SeededOrder } from './workflow-seed';
import { inParallel, placeOrders, restApi, seedApprovalDomain } from './workflow-seed';

const API_TOKEN = 'bench-api-token-0123456789';
const LINK_SECRET = 'bench-link-secret-0123456789-0123456789';
const ORDERS = 1000;
const WARMUP = 100;
const CONCURRENCY = 8;
const SEED_CONCURRENCY = 4;
const APPROVER = { email: 'abe.approver@bench.example', name: 'Abe Approver' };

interface Run {
  /** Request written to response read, ms, ascending. */
  latencies: number[];
  /** Answers that were not what the request should get. */
  wrong: number;
  perSecond: number;
}

/**
 * Issue 3: "decisions per second on SQLite and PostgreSQL". The real bot in its own
 * process; each decision is an approver confirming the Approve link of an order's
 * approval email (POST, as the confirm button does), which answers only after the
 * core has committed the approval and the provisioning that follows it.
 */
export const decisionsBench: Bench = {
  name: 'decisions',
  description: `Approval decisions through the real bot (email Approve links): ${ORDERS} at ${CONCURRENCY} concurrent, on SQLite and PostgreSQL`,
  async run(): Promise<BenchResult> {
    const rows = await measureOn('SQLite', await freshSqlite());
    const pg = await freshPostgres();
    if ('unavailable' in pg) rows.push({ metric: 'PostgreSQL: decisions per second', value: `not measured: ${pg.unavailable}` });
    else rows.push(...(await measureOn('PostgreSQL', pg)));
    return { name: 'decisions', rows, notes: NOTES };
  },
};

const NOTES = [
  `Each database is fresh (SQLite: a new file; PostgreSQL: a new schema on the server the test suite uses, dropped after) and the bot runs in its own process (pinned to its own core where there are two or more), with Slack off and email to the .eml outbox. Seeded through the REST API: an approver holding the Approval role, a subscriber, rules under which an Add order needs approval and nothing else, and ${WARMUP + ORDERS} Extension Mobility Access orders placed before any timing. The Approve links are signed here with the bot's LINK_SECRET, as the approval emails carry them.`,
  `Decisions: POST confirm=yes to each order's Approve link, ${CONCURRENCY} in flight over keep-alive connections; the answer comes after the core has read the activity, committed the approval, run the (embedded) provisioning and committed its result, and written the subscriber's email, and must say the order is now Completed. Per second = ${ORDERS} / wall time, after ${WARMUP} warm-up decisions not counted; latency is per request at that concurrency.`,
  `Through the real bot rather than createCore directly, because HTTP is not what the figure measures: 'HTTP floor' is the same route and load with a link that fails its signature check (body parsing, verification and a page, no database), and its rate is many times the decision rate.`,
];

async function measureOn(name: string, db: BenchDatabase): Promise<BenchRow[]> {
  const outbox = await mkdtemp(join(tmpdir(), 'provbot-bench-outbox-'));
  try {
    const env = {
      PORT: '0',
      DATABASE_URL: db.url,
      OUTBOX_DIR: outbox,
      API_TOKEN,
      LINK_SECRET,
      // 'error': the refused links of the HTTP floor are logged at warn, once per request.
      LOG_LEVEL: 'error',
      PROVISIONING_SCHEDULE: '0 0 1 1 *',
    };
    const bot = await startAppInChild({ kind: 'bot', env });
    try {
      const rest = restApi(bot.base, API_TOKEN);
      await seedApprovalDomain(rest, APPROVER);
      const orders = await placeOrders(rest, WARMUP + ORDERS, SEED_CONCURRENCY);
      const signer = createLinkSigner(LINK_SECRET);
      const expiresAt = new Date(Date.now() + 60 * 60 * 1000);
      const linkOf = (o: SeededOrder) =>
        `${bot.base}/links/activity/${signer.signActivity({ activityId: o.activityId, decision: 'approve', recipientEmail: APPROVER.email, orderNumber: o.number, orderVersion: o.version, expiresAt })}`;
      const approved = (i: number, status: number, text: string) =>
        status === 200 && text.includes(`You approved order ${orders[i]!.number}. It is now Completed.`);
      const links = orders.map(linkOf);
      await confirmAll(links.slice(0, WARMUP), approved);
      const floor = await confirmAll(
        Array.from({ length: ORDERS }, () => `${bot.base}/links/activity/not-a-signed-token`),
        (_i, status) => status === 400,
      );
      collectGarbage();
      const decided = await confirmAll(links.slice(WARMUP), (i, status, text) => approved(WARMUP + i, status, text));
      return [
        { metric: `${name}: decisions per second`, value: decided.perSecond.toFixed(1) },
        {
          metric: `${name}: decision latency p50 / p99`,
          value: `${ms(percentile(decided.latencies, 50))} / ${ms(percentile(decided.latencies, 99))}`,
        },
        { metric: `${name}: decisions not answered Completed`, value: `${decided.wrong}/${ORDERS}` },
        {
          metric: `${name}: HTTP floor, requests per second`,
          value: `${floor.perSecond.toFixed(0)}${floor.wrong ? ` (${floor.wrong} unexpected answers)` : ''}`,
        },
      ];
    } finally {
      await bot.stop();
    }
  } finally {
    await db.drop();
    await rm(outbox, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}

/** POSTs confirm=yes to each URL, CONCURRENCY in flight on keep-alive connections; `ok` judges each answer. */
async function confirmAll(urls: string[], ok: (i: number, status: number, text: string) => boolean): Promise<Run> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let wrong = 0;
  const started = performance.now();
  await inParallel(urls.length, CONCURRENCY, async (i) => {
    const sent = performance.now();
    const { status, text } = await postForm(urls[i]!, agent, 'confirm=yes');
    latencies.push(performance.now() - sent);
    if (!ok(i, status, text)) wrong++;
  });
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { latencies: latencies.sort((a, b) => a - b), wrong, perSecond: urls.length / seconds };
}

function postForm(url: string, agent: Agent, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) };
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** run-bench starts node with --expose-gc; without it this is a no-op. */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();
