import cron from 'node-cron';
import type { Core, Logger } from '../core/index';

/**
 * The provisioning scheduler: initial emails on the requested start date, and lines
 * closing when their window ends. Runs once at start-up to catch up on anything
 * missed while the bot was down, then on PROVISIONING_SCHEDULE. A tick still running
 * when the next is due is skipped rather than stacked.
 */
export function startSchedule(core: Core, o: { expression: string; log: Logger }): { stop(): void; tick(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return running;
    running = (async () => {
      try {
        const sent = await core.sendDueProvisioningEmails();
        const closed = await core.closeExpiredLines();
        if (sent.length || closed.length) {
          o.log.info({ sent: sent.filter((a) => a.status === 'Sent').length, failed: sent.filter((a) => a.status === 'Failed').length, closed: closed.length }, 'provisioning tick');
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
