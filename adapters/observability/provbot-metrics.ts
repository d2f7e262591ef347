import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DeliveryDestination, DeliveryOutcome, OperationsMonitor, OutboxSummary } from '../../core/index';
import { newCorrelationId, withCorrelation } from './request-context';

/** Every metric provbot exports, by name: the dashboard and its test read this list. */
export const METRIC_NAMES = {
  ack: 'provbot_ack_duration_seconds',
  decision: 'provbot_decision_wait_seconds',
  outbox: 'provbot_outbox_deliveries',
  oldestDue: 'provbot_outbox_oldest_due_age_seconds',
  deliveries: 'provbot_deliveries_total',
  retries: 'provbot_delivery_retries_total',
  rateLimitWaits: 'provbot_rate_limit_waits_total',
  ticks: 'provbot_scheduler_ticks_total',
  lastTick: 'provbot_scheduler_last_tick_timestamp_seconds',
} as const;

export type RateLimitKind = 'writes' | 'access_requests' | 'slack' | 'teams';

export interface MetricsSources {
  /** Read at each scrape, so the gauges show the outbox as it is, in every process alike. */
  outboxSummary(): Promise<OutboxSummary>;
  /** The bot's clock (tests drive it): the outbox's oldest due age and the ticks' times. */
  now(): Date;
}

/**
 * provbot's Prometheus metrics, in a registry of their own (not prom-client's global
 * one), so several bots in one process (the tests) each export only their own.
 */
export function createProvbotMetrics(sources: MetricsSources) {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  const ack = new Histogram({
    name: METRIC_NAMES.ack,
    help: 'Time from a chat request reaching the bot to its HTTP answer (the ack), per platform and command or button.',
    labelNames: ['platform', 'command'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const decision = new Histogram({
    name: METRIC_NAMES.decision,
    help: 'Time from an activity being opened to its decision (approved, rejected, completed), per activity kind.',
    labelNames: ['kind'],
    buckets: [60, 300, 900, 3600, 4 * 3600, 12 * 3600, 24 * 3600, 72 * 3600, 7 * 24 * 3600],
    registers,
  });
  const deliveries = new Counter({
    name: METRIC_NAMES.deliveries,
    help: 'Delivery tries by outcome (sent, retried, rate_limited, held, dead) and destination (email, slack, teams).',
    labelNames: ['result', 'destination'],
    registers,
  });
  const retries = new Counter({
    name: METRIC_NAMES.retries,
    help: 'Deliveries that failed and were put off to be tried again, per destination.',
    labelNames: ['destination'],
    registers,
  });
  const rateLimitWaits = new Counter({
    name: METRIC_NAMES.rateLimitWaits,
    help: "Refusals for a rate limit: people's commands (writes, access_requests) and Slack or Teams answering 429.",
    labelNames: ['kind'],
    registers,
  });
  const ticks = new Counter({
    name: METRIC_NAMES.ticks,
    help: 'Scheduler ticks per job and outcome (ok, failed).',
    labelNames: ['job', 'outcome'],
    registers,
  });
  const lastTick = new Gauge({
    name: METRIC_NAMES.lastTick,
    help: 'When each scheduler job last finished a tick (Unix seconds).',
    labelNames: ['job'],
    registers,
  });
  const oldestDue = new Gauge({
    name: METRIC_NAMES.oldestDue,
    help: 'How long the oldest due delivery has waited (seconds; 0 when none is due).',
    registers,
  });
  // Set at each scrape (collect), never by the code that sends.
  new Gauge({
    name: METRIC_NAMES.outbox,
    help: 'Deliveries in the outbox by state: pending (not sent yet), due (pending and due now), dead (given up).',
    labelNames: ['state'],
    registers,
    async collect() {
      const s = await sources.outboxSummary();
      this.set({ state: 'pending' }, s.pending);
      this.set({ state: 'due' }, s.due);
      this.set({ state: 'dead' }, s.dead);
      const age = s.oldestDueAt ? (sources.now().getTime() - s.oldestDueAt.getTime()) / 1000 : 0;
      oldestDue.set(Math.max(0, age));
    },
  });

  const monitor: OperationsMonitor = {
    deliveryTried({ destination, outcome }: { destination: DeliveryDestination; outcome: DeliveryOutcome }) {
      deliveries.inc({ result: outcome, destination });
      if (outcome === 'retried') retries.inc({ destination });
      if (outcome === 'rate_limited' && destination !== 'email') rateLimitWaits.inc({ kind: destination });
    },
    activityDecided({ kind, waitedMs }) {
      decision.observe({ kind }, Math.max(0, waitedMs) / 1000);
    },
    // The outbox row's id: the same across retries, and it names no person.
    withinDelivery: (deliveryId, work) => withCorrelation(`delivery-${deliveryId || newCorrelationId()}`, work),
  };

  return {
    registry,
    monitor,
    ackObserved(platform: 'slack' | 'teams', command: string, seconds: number) {
      ack.observe({ platform, command }, seconds);
    },
    rateLimited(kind: RateLimitKind) {
      rateLimitWaits.inc({ kind });
    },
    tickFinished(job: string, outcome: 'ok' | 'failed') {
      ticks.inc({ job, outcome });
      lastTick.set({ job }, sources.now().getTime() / 1000);
    },
  };
}

export type ProvbotMetrics = ReturnType<typeof createProvbotMetrics>;
