import cron from 'node-cron';
import type { Core, Logger } from '../core/index';

/**
 * The provisioning scheduler: initial emails on the requested start date, lines
 * closing when their window ends, and billing reminders before and when they do.
 * Runs once at start-up to catch up on anything missed while the bot was down, then
 * on PROVISIONING_SCHEDULE. A tick still running when the next is due is skipped
 * rather than stacked.
 */
export function startSchedule(core: Core, o: { expression: string; log: Logger }): { stop(): void; tick(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return running;
    running = (async () => {
      try {
        const sent = await core.sendDueProvisioningEmails();
        const closed = await core.closeExpiredLines();
        const reminders = await core.sendBillingReminders();
        if (sent.length || closed.length || reminders.written) {
          o.log.info(
            { sent: sent.filter((a) => a.status === 'Sent').length, failed: sent.filter((a) => a.status === 'Failed').length, closed: closed.length, reminders: reminders.written },
            'provisioning tick',
          );
        }
      } catch (err) {
        o.log.error({ err }, 'provisioning tick failed');
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const task = cron.schedule(o.expression, () => void tick(), { timezone: 'UTC' });
  void tick();
  return { stop: () => void task.stop(), tick };
}

/**
 * The notification tick (NOTIFY_SCHEDULE): aggregation windows that closed become
 * digests, overdue activities are escalated, and the dispatcher runs for whatever is
 * due (retries, and deliveries another process wrote). Each due item is claimed in
 * the database, so several bot processes can tick at once.
 */
export function startNotificationSchedule(
  core: Core,
  o: { expression: string; log: Logger; dispatch: () => Promise<void> },
): { stop(): void; tick(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return running;
    running = (async () => {
      try {
        const digests = await core.sendDueDigests();
        const escalations = await core.escalateOverdueActivities();
        if (digests.digests || escalations.escalated) o.log.info({ ...digests, ...escalations }, 'notification tick');
        await o.dispatch();
      } catch (err) {
        o.log.error({ err }, 'notification tick failed');
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const task = cron.schedule(o.expression, () => void tick(), { timezone: 'UTC' });
  void tick();
  return { stop: () => void task.stop(), tick };
}
