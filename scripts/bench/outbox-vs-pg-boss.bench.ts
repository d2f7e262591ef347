import type { NewDelivery } from '../../core/index';
import type { Bench, BenchResult, BenchRow } from './bench';
import { freshPostgres } from './bench-databases';
import type { OpenBenchDatabase } from './bench-database-access';
import { collectGarbage, openBenchDatabase } from './bench-database-access';
import { benchCore, NotificationSinks } from './notification-sinks';
import { writeAndDispatch } from './outbox-throughput.bench';
import type { QueueFigures } from './pg-boss-side';
import { openPgBoss } from './pg-boss-side';

const ITEMS = 10_000;
const BATCH = 100;
const WARMUP = 500;
/** Rounds alternate which side goes first, so neither always runs on a warmer server. */
const ROUNDS = 3;
const PAYLOAD_BYTES = 1_000;
const DESTINATIONS = 200;

/**
 * The Hardening issue's comparison: the outbox against pg-boss 10 on the same
 * PostgreSQL, in one process run, with the same 10,000 payloads of about 1 KB in
 * batches of 100. Outbox: outbox.write in calls of 100, then core.dispatchDeliveries
 * (claims of 100) to notifiers that only record. pg-boss: insert in batches of 100,
 * then fetch + complete of batches of 100 with a no-op handler.
 */
export const outboxVsPgBossBench: Bench = {
  name: 'outbox-vs-pg-boss',
  description: `${ITEMS} items of ~1 KB in batches of ${BATCH}: the outbox and pg-boss 10 side by side on one PostgreSQL`,
  async run(): Promise<BenchResult> {
    const pgDb = await freshPostgres();
    if ('unavailable' in pgDb)
      return { name: this.name, rows: [{ metric: 'outbox vs pg-boss', value: `not measured: ${pgDb.unavailable}` }] };
    const open = await openBenchDatabase(pgDb);
    const boss = await openPgBoss(pgDb.url).catch(async (err: unknown) => {
      await open.close();
      throw err;
    });
    try {
      return { name: this.name, rows: await compare(open, boss), notes: NOTES };
    } finally {
      await boss.close();
      await open.close();
    }
  },
};

const NOTES = [
  `Each side runs ${ROUNDS} rounds of ${ITEMS} items (after ${WARMUP} warm-up items each), alternating which goes first; a rate is all items over all rounds' time. Outbox items are system alerts by email to ${DESTINATIONS} addresses (email is not paced per destination), each with its own key and a ~${PAYLOAD_BYTES}-byte summary; the pg-boss job data is the same delivery object. Both sides use a pool of 10 connections to the same server; pg-boss in its own schema with its maintenance loops off.`,
];

interface Side {
  writeMs: number;
  processMs: number;
}

type Boss = Awaited<ReturnType<typeof openPgBoss>>;

async function compare(open: OpenBenchDatabase, boss: Boss): Promise<BenchRow[]> {
  const sinks = new NotificationSinks();
  const core = benchCore(open.db, sinks);
  await writeAndDispatch(open, core, payloads('warmup', WARMUP));
  await boss.run(payloads('warmup', WARMUP), BATCH);
  const outbox: Side = { writeMs: 0, processMs: 0 };
  const queue: Side = { writeMs: 0, processMs: 0 };
  const checks: string[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const items = payloads(`round${round}`, ITEMS);
    const runOutbox = async () => {
      sinks.reset();
      collectGarbage();
      const f = await writeAndDispatch(open, core, items);
      add(outbox, { writeMs: f.writeMs, processMs: f.dispatchMs });
      const once = sinks.received.size === ITEMS && sinks.duplicates === 0 && f.added === ITEMS;
      if (!once) checks.push(`round ${round}: outbox wrote ${f.added}, sinks got ${sinks.received.size} keys, ${sinks.duplicates} twice`);
    };
    const runBoss = async () => {
      collectGarbage();
      const f: QueueFigures = await boss.run(items, BATCH);
      add(queue, { writeMs: f.writeMs, processMs: f.processMs });
      if (f.processed !== ITEMS) checks.push(`round ${round}: pg-boss processed ${f.processed}`);
    };
    if (round % 2 === 0) await runOutbox().then(runBoss);
    else await runBoss().then(runOutbox);
  }
  const sent = await open.raw((c) => c.delivery.count({ where: { key: { startsWith: 'round' }, state: 'sent' } }));
  const total = ITEMS * ROUNDS;
  const rate = (ms: number) => (total / ms) * 1000;
  const [ow, od, bw, bp] = [rate(outbox.writeMs), rate(outbox.processMs), rate(queue.writeMs), rate(queue.processMs)];
  return [
    { metric: 'pg-boss: insert / fetch+complete', value: `${bw.toFixed(0)} jobs/s / ${bp.toFixed(0)} jobs/s` },
    { metric: 'outbox: write / dispatch', value: `${ow.toFixed(0)} items/s / ${od.toFixed(0)} items/s` },
    { metric: 'ratio outbox / pg-boss, write', value: `${(ow / bw).toFixed(2)}x`, target: '>= 1.0x', pass: ow >= bw },
    { metric: 'ratio outbox / pg-boss, dispatch', value: `${(od / bp).toFixed(2)}x`, target: '>= 1.0x', pass: od >= bp },
    {
      metric: 'every item handled once, rows sent',
      value: checks.length ? checks.join('; ') : `yes, ${sent}/${total} sent`,
      target: 'yes',
      pass: checks.length === 0 && sent === total,
    },
  ];
}

const add = (into: Side, f: Side) => {
  into.writeMs += f.writeMs;
  into.processMs += f.processMs;
};

/** `count` system alerts of about PAYLOAD_BYTES each (JSON of target and content), due in key order. */
function payloads(prefix: string, count: number): NewDelivery[] {
  const start = Date.now() - count - 60_000;
  const padding = 'x'.repeat(PAYLOAD_BYTES - 330);
  return Array.from({ length: count }, (_, i) => {
    const key = `${prefix}:${i}`;
    const dueAt = new Date(start + i);
    const events = [
      { type: 'order-failure' as const, occurredAt: dueAt.toISOString(), domain: null, orderNumber: null, summary: `${key} ${padding}` },
    ];
    return {
      key,
      target: { channel: 'email', address: `admin${i % DESTINATIONS}@bench.example`, asUser: false, domain: null },
      content: { kind: 'system-alert', eventType: 'order-failure', events },
      dueAt,
    };
  });
}
