import { performance } from 'node:perf_hooks';
import type { Core, DeliveryTarget, NewDelivery, OutboxWrites } from '../../core/index';
import type { Bench, BenchResult, BenchRow } from './bench';
import type { BenchDatabase } from './bench-databases';
import { freshPostgres, freshSqlite } from './bench-databases';
import type { OpenBenchDatabase } from './bench-database-access';
import { collectGarbage, inSlices, withBenchDatabase } from './bench-database-access';
import type { BenchUser } from './in-process-orders';
import { placeApprovals, seedDomain } from './in-process-orders';
import { benchCore, chatKey, NotificationSinks } from './notification-sinks';
import { BENCH_DOMAIN } from './workflow-seed';

const EVENTS = 10_000;
const WARMUP = 200;
/** Slack DMs, each to its own person. */
const CHAT_EVENTS = 2_000;
const DESTINATIONS = 200;
/** Deliveries per outbox.write: a burst of events arriving together, not one 10,000-row insert. */
const WRITE_BATCH = 100;
/** Orders placed for the end-to-end figure; each commit writes one notice (to the approver, by email). */
const ORDERS = 1_000;
/** No Slack id: a chat copy to one person would be paced at Slack's 1 a second. */
const APPROVER: BenchUser = {
  email: 'abe.approver@bench.example',
  name: 'Abe Approver',
  roles: [{ role: 'Approval', domain: BENCH_DOMAIN }],
};
/** A dispatcher that stops making progress is a finding, not a reason to loop for ever. */
const MAX_DISPATCH_CALLS = 1_000;

/**
 * Issue 4: "outbox throughput for 10,000 events on SQLite and PostgreSQL". Deliveries
 * written through the outbox repository, then sent by the real dispatcher
 * (core.dispatchDeliveries) to in-process notifiers that count what they get.
 */
export const outboxThroughputBench: Bench = {
  name: 'outbox-throughput',
  description: `${EVENTS} deliveries written to the outbox and dispatched to counting notifiers, on SQLite and PostgreSQL`,
  async run(): Promise<BenchResult> {
    const rows = await measureOn('SQLite', await freshSqlite());
    const pg = await freshPostgres();
    if ('unavailable' in pg) rows.push({ metric: 'PostgreSQL: outbox throughput', value: `not measured: ${pg.unavailable}` });
    else rows.push(...(await measureOn('PostgreSQL', pg)));
    return { name: 'outbox-throughput', rows, notes: NOTES };
  },
};

const NOTES = [
  `Each database is fresh and migrated. The events are system alerts (order-failure) by email to ${DESTINATIONS} addresses in turn, each with its own key, written by outbox.write in calls of ${WRITE_BATCH} (each call checks its keys are new, then inserts). Email, because the dispatcher paces chat per destination as the platforms require (Slack about 1 message a second per channel), so a chat figure would measure the pacing, not the outbox. A system alert needs no record read to render, so the figure is the outbox's own cost: claim, send, mark sent. The Slack figure is ${CHAT_EVENTS} alerts to as many people, each in their own DM: the chat path without the pacing.`,
  `Dispatch: core.dispatchDeliveries() (default policy: batches of 100, 8 destinations at once, up to 20 batches a call) called until a call sends nothing. The notifiers count each key they receive; every key must arrive exactly once and every row must end in state 'sent'. ${WARMUP} warm-up deliveries are written and dispatched first and not counted.`,
  `From workflow commits: then, on the same database, ${ORDERS} orders placed through the core (4 at a time, as the order API's actor), each needing approval, so each commit writes one notice to the approver (by email) in its own transaction; then dispatched as above. Placing includes the whole order workflow, not only the outbox write; dispatching an activity notice reads the activity, the order and the subscriber to render it.`,
];

export interface Figures {
  writeMs: number;
  dispatchMs: number;
  calls: number;
  added: number;
  notSent: { retried: number; dead: number; held: number };
}

async function measureOn(name: string, bench: BenchDatabase): Promise<BenchRow[]> {
  return withBenchDatabase(bench, async (open) => {
    const sinks = new NotificationSinks();
    const core = benchCore(open.db, sinks);
    await writeAndDispatch(open, core, alerts('warmup', WARMUP, byEmail));
    return [
      ...(await byEmailFigures(name, open, core, sinks)),
      ...(await bySlackFigures(name, open, core, sinks)),
      ...(await fromWorkflowCommits(name, open, core, sinks)),
    ];
  });
}

async function byEmailFigures(name: string, open: OpenBenchDatabase, core: Core, sinks: NotificationSinks): Promise<BenchRow[]> {
  sinks.reset();
  collectGarbage();
  const deliveries = alerts('event', EVENTS, byEmail);
  const f = await writeAndDispatch(open, core, deliveries);
  const sent = await open.raw((c) => c.delivery.count({ where: { key: { startsWith: 'event:' }, state: 'sent' } }));
  const keysOk = sinks.received.size === EVENTS && deliveries.every((d) => sinks.received.get(d.key) === 1);
  return [
    { metric: `${name}: outbox write`, value: perSecond(f.added, f.writeMs) },
    { metric: `${name}: dispatch to the sinks`, value: `${perSecond(EVENTS, f.dispatchMs)}, ${f.calls} dispatch calls` },
    { metric: `${name}: write + dispatch`, value: perSecond(EVENTS, f.writeMs + f.dispatchMs) },
    {
      metric: `${name}: received once each`,
      value: `${sinks.received.size} distinct keys, ${sinks.duplicates} twice or more, ${f.notSent.retried + f.notSent.dead + f.notSent.held} retried/dead/held`,
      target: `${EVENTS}, none twice`,
      pass: keysOk && f.added === EVENTS,
    },
    { metric: `${name}: rows in state 'sent'`, value: `${sent}/${EVENTS}`, target: `${EVENTS}`, pass: sent === EVENTS },
  ];
}

/** Chat with every delivery to its own person, so the per-destination pacing never holds one back. */
async function bySlackFigures(name: string, open: OpenBenchDatabase, core: Core, sinks: NotificationSinks): Promise<BenchRow[]> {
  sinks.reset();
  collectGarbage();
  const deliveries = alerts('chat', CHAT_EVENTS, bySlack);
  const f = await writeAndDispatch(open, core, deliveries);
  const sent = await open.raw((c) => c.delivery.count({ where: { key: { startsWith: 'chat:' }, state: 'sent' } }));
  const keysOk =
    sinks.received.size === CHAT_EVENTS &&
    deliveries.every(
      (d) => d.target.channel === 'chat' && d.content.kind === 'system-alert' && sinks.received.get(chatKey(d.target.to, d.content)) === 1,
    );
  return [
    {
      metric: `${name}: Slack DMs, one person each: write + dispatch`,
      value: `${perSecond(CHAT_EVENTS, f.writeMs + f.dispatchMs)}; dispatch alone ${perSecond(CHAT_EVENTS, f.dispatchMs)}`,
    },
    {
      metric: `${name}: Slack DMs received once each`,
      value: `${sinks.received.size} distinct, ${sinks.duplicates} twice or more, ${f.notSent.held} held, ${sent} rows sent`,
      target: `${CHAT_EVENTS}, none twice`,
      pass: keysOk && f.added === CHAT_EVENTS && sent === CHAT_EVENTS,
    },
  ];
}

export async function writeAndDispatch(open: OpenBenchDatabase, core: Core, deliveries: NewDelivery[]): Promise<Figures> {
  let added = 0;
  const written = performance.now();
  await inSlices(deliveries, WRITE_BATCH, async (slice) => {
    added += await open.db.outbox.write(writesOf(slice));
  });
  const writeMs = performance.now() - written;
  return { writeMs, added, ...(await dispatchAll(core)) };
}

/** core.dispatchDeliveries() until a call sends nothing. */
export async function dispatchAll(core: Core): Promise<Omit<Figures, 'writeMs' | 'added'>> {
  const started = performance.now();
  const notSent = { retried: 0, dead: 0, held: 0 };
  let calls = 0;
  while (calls < MAX_DISPATCH_CALLS) {
    const first = await core.dispatchDeliveries();
    // What a slow lane still held is part of this call's work.
    const late = await first.leftInLanes;
    calls += 1;
    notSent.retried += first.retried + late.retried;
    notSent.dead += first.dead + late.dead;
    notSent.held += first.held + late.held;
    if (first.sent + late.sent === 0) break;
  }
  return { dispatchMs: performance.now() - started, calls, notSent };
}

/**
 * The same path from its start: orders placed through the core, each commit writing
 * the approver's notice to the outbox, then dispatched; an activity notice is rendered
 * from the activity, order and subscriber read when it is sent.
 */
async function fromWorkflowCommits(name: string, open: OpenBenchDatabase, core: Core, sinks: NotificationSinks): Promise<BenchRow[]> {
  await seedDomain(core, [APPROVER]);
  sinks.reset();
  const started = performance.now();
  const activityIds = await placeApprovals(core, ORDERS);
  const placeMs = performance.now() - started;
  const f = await dispatchAll(core);
  const keys = [...sinks.received.keys()].filter((k) => k.startsWith('activity:'));
  const noticed = new Set(keys.map((k) => k.split(':')[1]));
  const once = keys.length === ORDERS && activityIds.every((id) => noticed.has(id)) && sinks.duplicates === 0;
  const sent = await open.raw((c) => c.delivery.count({ where: { key: { startsWith: 'activity:' }, state: 'sent' } }));
  return [
    { metric: `${name}: orders placed (commit + outbox)`, value: perSecond(ORDERS, placeMs, 'orders') },
    { metric: `${name}: approval notices dispatched`, value: `${perSecond(ORDERS, f.dispatchMs, 'notices')}, ${f.calls} dispatch calls` },
    {
      metric: `${name}: approver got each order's notice once`,
      value: `${noticed.size} of ${ORDERS} orders, ${sinks.duplicates} twice or more, ${sent} rows sent`,
      target: `${ORDERS}, none twice`,
      pass: once && sent === ORDERS,
    },
  ];
}

const perSecond = (n: number, ms: number, what = 'events') => `${((n / ms) * 1000).toFixed(0)} ${what}/s (${(ms / 1000).toFixed(2)} s)`;

/**
 * `count` system alerts, each its own event, to `target(i)`. Due a millisecond apart
 * in the past, so the claim's "oldest due first" has an order to keep. The key is also
 * the alert's summary: the chat sink, which is not given keys, names what it got by it.
 */
function alerts(prefix: string, count: number, target: (i: number) => DeliveryTarget): NewDelivery[] {
  const start = Date.now() - count - 60_000;
  return Array.from({ length: count }, (_, i) => {
    const key = `${prefix}:${i}`;
    const dueAt = new Date(start + i);
    const events = [{ type: 'order-failure' as const, occurredAt: dueAt.toISOString(), domain: null, orderNumber: null, summary: key }];
    return { key, target: target(i), content: { kind: 'system-alert', eventType: 'order-failure', events }, dueAt };
  });
}

const byEmail = (i: number): DeliveryTarget => ({
  channel: 'email',
  address: `admin${i % DESTINATIONS}@bench.example`,
  asUser: false,
  domain: null,
});
const bySlack = (i: number): DeliveryTarget => ({
  channel: 'chat',
  platform: 'slack',
  to: { kind: 'user', platformUserId: `UBENCH${i}`, email: `person${i}@bench.example` },
});

const writesOf = (deliveries: NewDelivery[]): OutboxWrites => ({ deliveries, digestItems: [], escalations: [] });
