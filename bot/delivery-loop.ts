import type { DeliveryTrigger, DispatchReport, Logger } from '../core/index';

/** A put-off delivery due sooner than this gets its own timer; later ones wait for the cron tick. */
const TIMER_HORIZON_MS = 60_000;

/**
 * Runs the core's dispatcher: when a change wrote deliveries (the trigger), on the
 * notification cron tick, and when a delivery put off by a retry or rate limit comes
 * due. One dispatch at a time in this process; asked during a run, it runs once more
 * after, so nothing written meanwhile waits for the next tick.
 */
export function createDeliveryLoop(log: Logger) {
  let dispatch: (() => Promise<DispatchReport>) | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let timerAt = Infinity;

  const wakeAt = (at: Date | null) => {
    if (!at || stopped) return;
    const ms = Math.max(0, at.getTime() - Date.now());
    if (ms > TIMER_HORIZON_MS || at.getTime() >= timerAt) return;
    if (timer) clearTimeout(timer);
    timerAt = at.getTime();
    timer = setTimeout(() => {
      timer = null;
      timerAt = Infinity;
      void run();
    }, ms);
    timer.unref();
  };

  const run = (): Promise<void> => {
    if (stopped || !dispatch) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    const work = dispatch;
    running = (async () => {
      do {
        again = false;
        try {
          const report = await work();
          if (report.dead || report.retried) log.info({ ...report }, 'deliveries dispatched');
          wakeAt(report.nextDueAt);
        } catch (err) {
          log.error({ err }, 'delivery dispatch failed');
        }
      } while (again && !stopped);
      running = null;
    })();
    return running;
  };

  const trigger: DeliveryTrigger = {
    deliveriesWritten: async () => {
      void run();
    },
  };

  return {
    trigger,
    /** The core exists after the trigger is handed to it: bind its dispatcher here. */
    attach(fn: () => Promise<DispatchReport>) {
      dispatch = fn;
    },
    /** Dispatches now; resolves when this round (and any asked for meanwhile) is done. */
    runNow: run,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
