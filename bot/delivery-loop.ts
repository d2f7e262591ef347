import type { Clock, DeliveryTrigger, DispatchReport, Logger } from '../core/index';
import { outsideRequests } from '../adapters/observability/request-context';

/** A put-off delivery due sooner than this gets a timer; later ones wait for the cron tick. */
const TIMER_HORIZON_MS = 60_000;
/** Wake-up times are rounded up to this, so thousands of retries make a few dozen timers, not thousands. */
const WAKE_GRANULARITY_MS = 50;

/**
 * Dispatches running at once in this process. Each claims a batch and waits for its
 * own deliveries; the core's lanes keep each destination in order, so a second
 * dispatch started while one waits on a hung destination sends everything else at once.
 */
const MAX_RUNNING = 4;

/**
 * Runs the core's dispatcher: when a change wrote deliveries (the trigger), on the
 * notification cron tick, and when a delivery put off by a retry or rate limit comes
 * due. A request while dispatches run starts another (up to MAX_RUNNING), so a notice
 * written now never waits behind a slow destination's batch; past that, one more runs
 * when a dispatch ends, so nothing written meanwhile waits for the next tick.
 */
export function createDeliveryLoop(log: Logger, clock: Clock) {
  let dispatch: (() => Promise<DispatchReport>) | null = null;
  const running = new Set<Promise<void>>();
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  /**
   * Every time a put-off delivery comes due, kept until then: a run at the earliest
   * sends what is due at that moment and does not report the later ones again, so a
   * single "next" time would strand them until the cron tick.
   */
  const wakeTimes = new Set<number>();

  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped || wakeTimes.size === 0) return;
    const next = Math.min(...wakeTimes);
    timer = setTimeout(
      () => {
        timer = null;
        const now = clock.now().getTime();
        // Only times that have passed: a timer that fires early keeps its time and fires again.
        for (const at of wakeTimes) if (at <= now) wakeTimes.delete(at);
        arm();
        void run();
      },
      Math.max(0, next - clock.now().getTime()),
    );
    timer.unref();
  };

  const wakeAt = (times: Date[]) => {
    const horizon = clock.now().getTime() + TIMER_HORIZON_MS;
    for (const at of times) {
      if (at.getTime() <= horizon) wakeTimes.add(Math.ceil(at.getTime() / WAKE_GRANULARITY_MS) * WAKE_GRANULARITY_MS);
    }
    arm();
  };

  const run = (): Promise<void> => {
    if (stopped || !dispatch) return Promise.resolve();
    if (running.size >= MAX_RUNNING) {
      again = true;
      return Promise.all(running).then(() => {});
    }
    const work = dispatch;
    const one = outsideRequests(async () => {
      try {
        const { dueAgainAt, ...report } = await work();
        if (report.dead || report.retried) log.info(report, 'deliveries dispatched');
        wakeAt(dueAgainAt);
      } catch (err) {
        log.error({ err }, 'delivery dispatch failed');
      }
    });
    running.add(one);
    void one.then(() => {
      running.delete(one);
      if (again && !stopped) {
        again = false;
        void run();
      }
    });
    return one;
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
    /**
     * Dispatches now; resolves when that dispatch and those already running are done,
     * so what was due when it was asked has been tried (a running dispatch may hold it).
     */
    async runNow() {
      const earlier = [...running];
      await run();
      await Promise.all(earlier);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      // A delivery being sent is finished and recorded; each send is bounded by the call timeout.
      while (running.size) await Promise.all(running);
    },
  };
}
