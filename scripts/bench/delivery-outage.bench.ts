import { libPhoneNumbers } from '../../adapters/onboarding/phone-numbers';
import { performance } from 'node:perf_hooks';
import { createEmbeddedBackend } from '../../adapters/backend/embedded-backend';
import { coreRepositories } from '../../adapters/db/create-database';
import type { Core, DeliveryPolicy, DeliveryTarget, EmailNotifier, NewDelivery } from '../../core/index';
import { createActorLimits, createCore, DEFAULT_DELIVERY_POLICY, DEFAULT_RATE_LIMITS, silentLogger } from '../../core/index';
import type { Bench, BenchResult, BenchRow } from './bench';
import { freshSqlite } from './bench-databases';
import type { OpenBenchDatabase } from './bench-database-access';
import { inSlices, withBenchDatabase } from './bench-database-access';

const HUNG = 'hung@bench.example';
const OTHERS = 5_000;
const BACKLOG = 10_000;
const OUTAGE_MS = 3_600_000;
/** Dispatches running at once, as bot/delivery-loop.ts runs them. */
const CONCURRENT = 4;
const POLICY: DeliveryPolicy = { ...DEFAULT_DELIVERY_POLICY, callTimeoutMs: 2_000 };

/**
 * The delivery engine under faults: the dispatch rate to every other destination
 * while one hangs, and how long a 10,000-notice backlog takes to drain once a 1-hour
 * mail outage ends (the hour driven by a clock, the drain measured in real time).
 */
export const deliveryOutageBench: Bench = {
  name: 'delivery-outage',
  description: `dispatch rate while one destination hangs; drain time of ${BACKLOG} notices after a 1-hour outage (SQLite)`,
  async run(): Promise<BenchResult> {
    const rows = [
      ...(await withBenchDatabase(await freshSqlite(), hangingDestination)),
      ...(await withBenchDatabase(await freshSqlite(), drainAfterOutage)),
    ];
    return { name: 'delivery-outage', rows, notes: NOTES };
  },
};

const NOTES = [
  `Hanging destination: ${OTHERS} email alerts to 200 addresses plus some to ${HUNG}, whose sends never answer (call timeout ${POLICY.callTimeoutMs} ms); ${CONCURRENT} dispatches at once as the bot's loop runs them. Compared with the same ${OTHERS} without the hung destination.`,
  `Outage: ${BACKLOG} alerts written at the outage's start; the mail server refuses every send for one hour of driven clock (dispatch, move the clock 5 minutes, ...); then it is back, the clock moves past the last backoff, and the real time to send everything is measured.`,
];

/** A clock the bench moves; the dispatcher reads it for due times, leases and the retry horizon. */
class DrivenClock {
  constructor(public ms: number) {}
  now = () => new Date(this.ms);
}

function coreWith(open: OpenBenchDatabase, email: EmailNotifier, clock: { now(): Date }): Core {
  return createCore({
    ...coreRepositories(open.db),
    phoneNumbers: libPhoneNumbers,
    backend: createEmbeddedBackend(),
    // No customers are created here.
    customerProvisioning: null,
    email,
    chat: [],
    clock,
    limits: createActorLimits(DEFAULT_RATE_LIMITS, clock),
    log: silentLogger,
    deliveries: { deliveriesWritten: async () => {} },
    settings: { adminPortalUrl: 'https://admin.bench.example', delivery: POLICY },
  });
}

/** Counts sends; `hang` never answers; `down` refuses every send. */
function countingEmail(state: { sent: number; down: boolean }): EmailNotifier {
  const notUsed = async (): Promise<never> => {
    throw new Error('not used');
  };
  return {
    senderAddress: 'provbot@bench.example',
    sendNotice: async ({ to }) => {
      if (to === HUNG) return new Promise<never>(() => {});
      if (state.down) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
      state.sent += 1;
    },
    sendTestEmail: notUsed,
  };
}

async function hangingDestination(open: OpenBenchDatabase): Promise<BenchRow[]> {
  const rate = async (prefix: string, withHung: boolean) => {
    const state = { sent: 0, down: false };
    const core = coreWith(open, countingEmail(state), { now: () => new Date() });
    const list = alerts(prefix, OTHERS, (i) => (withHung && i % 250 === 0 ? HUNG : `admin${i % 200}@bench.example`));
    const wanted = list.filter((d) => d.target.channel === 'email' && d.target.address !== HUNG).length;
    await inSlices(list, 100, async (slice) => void (await open.db.outbox.write({ deliveries: slice, digestItems: [], escalations: [] })));
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENT }, async () => {
        while (state.sent < wanted && performance.now() - started < 120_000)
          if ((await core.dispatchDeliveries()).sent === 0) await sleep(5);
      }),
    );
    return { ms: performance.now() - started, sent: state.sent, wanted };
  };
  const calm = await rate('calm', false);
  const hung = await rate('hung', true);
  const perSecond = (f: { ms: number; sent: number }) =>
    `${((f.sent / f.ms) * 1000).toFixed(0)}/s (${f.sent} in ${(f.ms / 1000).toFixed(2)} s)`;
  return [
    { metric: 'SQLite: email dispatch, nothing hangs', value: perSecond(calm) },
    {
      metric: `SQLite: email dispatch to the others while ${HUNG} hangs`,
      value: perSecond(hung),
      target: '≥ 50% of the rate without',
      pass: hung.sent === hung.wanted && hung.sent / hung.ms >= 0.5 * (calm.sent / calm.ms),
    },
  ];
}

async function drainAfterOutage(open: OpenBenchDatabase): Promise<BenchRow[]> {
  const clock = new DrivenClock(Date.now());
  const state = { sent: 0, down: true };
  const core = coreWith(open, countingEmail(state), clock);
  const start = clock.ms;
  await inSlices(
    alerts('outage', BACKLOG, (i) => `admin${i % 200}@bench.example`, start),
    100,
    async (slice) => void (await open.db.outbox.write({ deliveries: slice, digestItems: [], escalations: [] })),
  );
  const driven = performance.now();
  while (clock.ms < start + OUTAGE_MS) {
    await dispatchUntilIdle(core);
    clock.ms += POLICY.maxDelayMs;
  }
  const drivingMs = performance.now() - driven;
  state.down = false;
  clock.ms += POLICY.maxDelayMs;
  const drained = performance.now();
  await dispatchUntilIdle(core);
  const drainMs = performance.now() - drained;
  const summary = await open.db.outbox.summary(clock.now());
  return [
    {
      metric: `SQLite: ${BACKLOG} notices after a 1-hour outage: dead, still pending`,
      value: `${summary.dead}, ${summary.pending}`,
      target: '0, 0',
      pass: summary.dead === 0 && summary.pending === 0,
    },
    {
      metric: `SQLite: drain time of the ${BACKLOG} once the server is back`,
      value: `${(drainMs / 1000).toFixed(2)} s (${((state.sent / drainMs) * 1000).toFixed(0)}/s, ${state.sent} sent)`,
    },
    { metric: 'SQLite: the hour of failed retries, driven', value: `${(drivingMs / 1000).toFixed(1)} s real time` },
  ];
}

async function dispatchUntilIdle(core: Core): Promise<void> {
  for (;;) {
    const reports = await Promise.all(Array.from({ length: CONCURRENT }, () => core.dispatchDeliveries()));
    // What a slow lane still held counts too (a loaded machine can make a lane look stalled).
    const late = await Promise.all(reports.map((r) => r.leftInLanes));
    if ([...reports, ...late].every((r) => r.sent + r.retried + r.dead === 0)) return;
  }
}

function alerts(prefix: string, count: number, to: (i: number) => string, at = Date.now()): NewDelivery[] {
  return Array.from({ length: count }, (_, i) => {
    const key = `${prefix}:${i}`;
    const target: DeliveryTarget = { channel: 'email', address: to(i), asUser: false, domain: null };
    const events = [
      { type: 'order-failure' as const, occurredAt: new Date(at).toISOString(), domain: null, orderNumber: null, summary: key },
    ];
    return { key, target, content: { kind: 'system-alert', eventType: 'order-failure', events }, dueAt: new Date(at - 1) };
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
