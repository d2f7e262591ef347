import cron from 'node-cron';
import type { Core, Logger, ServicesSetupCore } from '../core/index';

export interface Schedule {
  stop(): void;
  /** Runs the work now; a tick already running is joined, not stacked. */
  tick(): Promise<void>;
}

/**
 * Runs `work` once at start-up (to catch up on anything missed while the bot was
 * down), then on the cron expression (UTC). A tick still running when the next is due
 * is skipped rather than stacked; a failed tick is logged and the next one tries again.
 */
/** Told when a tick ends, per job: the metrics count ticks and keep the last one's time. */
export type TickObserver = (job: string, outcome: 'ok' | 'failed') => void;

function scheduleTicks(expression: string, name: string, o: { log: Logger; onTick?: TickObserver }, work: () => Promise<void>): Schedule {
  let running: Promise<void> | null = null;
  const job = name.replace(/ tick$/, '');
  const tick = () => {
    running ??= work()
      .then(() => o.onTick?.(job, 'ok'))
      .catch((err: unknown) => {
        o.onTick?.(job, 'failed');
        o.log.error({ err }, `${name} failed`);
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const task = cron.schedule(expression, () => void tick(), { timezone: 'UTC' });
  void tick();
  return { stop: () => void task.stop(), tick };
}

/**
 * The provisioning scheduler (PROVISIONING_SCHEDULE): initial emails on the requested
 * start date, lines closing when their window ends, and billing reminders before and
 * when they do.
 */
export function startSchedule(core: Core, o: { expression: string; log: Logger; onTick?: TickObserver }): Schedule {
  return scheduleTicks(o.expression, 'provisioning tick', o, async () => {
    const sent = await core.sendDueProvisioningEmails();
    const closed = await core.closeExpiredLines();
    const reminders = await core.sendBillingReminders();
    if (sent.length || closed.length || reminders.written) {
      const failed = sent.filter((a) => a.status === 'Failed').length;
      o.log.info({ sent: sent.length - failed, failed, closed: closed.length, reminders: reminders.written }, 'provisioning tick');
    }
  });
}

/**
 * The customer poll (every WEBEX_POLL_SECONDS): customers still being created on Webex
 * are asked how they stand ("Poll until it settles; put the polling on the scheduler
 * and the outbox, never in a request"). Seconds, not cron: any interval may be set.
 */
export function startCustomerPoll(core: Core, o: { seconds: number; log: Logger; onTick?: TickObserver }): Schedule {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= core
      .refreshProvisioningCustomers()
      .then((report) => {
        if (report.changed || report.unavailable) o.log.info({ ...report }, 'customer poll');
        o.onTick?.('customer poll', 'ok');
      })
      .catch((err: unknown) => {
        o.log.error({ err }, 'customer poll failed');
        o.onTick?.('customer poll', 'failed');
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), o.seconds * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}

/**
 * The notification tick (NOTIFY_SCHEDULE): aggregation windows that closed become
 * digests, overdue activities are escalated, and the dispatcher runs for whatever is
 * due (retries, and deliveries another process wrote). Each due item is claimed in
 * the database, so several bot processes can tick at once.
 */
export function startNotificationSchedule(
  core: Core,
  o: { expression: string; log: Logger; dispatch: () => Promise<void>; onTick?: TickObserver },
): Schedule {
  return scheduleTicks(o.expression, 'notification tick', o, async () => {
    const digests = await core.sendDueDigests();
    const escalations = await core.escalateOverdueActivities();
    if (digests.digests || escalations.escalated) o.log.info({ ...digests, ...escalations }, 'notification tick');
    await o.dispatch();
  });
}

/**
 * The services setup tick (on NOTIFY_SCHEDULE, so a setup's progress shows within a
 * minute: "The services setup takes a few minutes"): submitted setups' progress from
 * the backend, then Connect activation reminders and passed deadlines.
 */
export function startServicesSetupSchedule(
  setup: ServicesSetupCore,
  o: { expression: string; log: Logger; onTick?: TickObserver },
): Schedule {
  return scheduleTicks(o.expression, 'services setup tick', o, async () => {
    const advanced = await setup.advanceServicesSetups();
    const activations = await setup.checkConnectActivations();
    if (advanced.completed || advanced.failed || activations.reminded || activations.expired)
      o.log.info({ ...advanced, ...activations }, 'services setup tick');
  });
}
