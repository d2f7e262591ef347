import type { Clock, DeliveryTrigger, DispatchReport, Logger } from '../core/index';
import { outsideRequests } from '../adapters/observability/request-context';

/** A put-off delivery due sooner than this gets a timer; later ones wait for the cron tick. */
const TIMER_HORIZON_MS = 60_000;
/** Wake-up times are rounded up to this, so thousands of retries make a few dozen timers, not thousands. */
const WAKE_GRANULARITY_MS = 50;

/**
 * Dispatches running at once in this process. Each claims batches and waits for its own
 * deliveries, except those a hung destination's lane holds (the lane finishes them and
 * their results come later, in the report's leftInLanes); the core's lanes keep each
 * destination in order.
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
  let handBack: (() => Promise<number>) | null = null;
  const running = new Set<Promise<void>>();
  /** Deliveries a dispatch left in a hung destination's lane, until they are recorded. */
  const settling = new Set<Promise<void>>();
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
        // Only times that have passed: a timer that fires early (timers and the wall clock
        // can disagree by a few ms) keeps its time and fires again, without running early.
        let passed = false;
        for (const at of wakeTimes) {
          if (at > now) continue;
          wakeTimes.delete(at);
          passed = true;
        }
        arm();
        if (passed) void run();
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
        const { dueAgainAt, leftInLanes, ...report } = await work();
        if (report.dead || report.retried) log.info(report, 'deliveries dispatched');
        wakeAt(dueAgainAt);
        const tail = leftInLanes.then(({ dueAgainAt: later, ...lateReport }) => {
          if (lateReport.dead || lateReport.retried) log.info(lateReport, 'deliveries left in a slow lane dispatched');
          wakeAt(later);
        });
        settling.add(tail);
        void tail.finally(() => settling.delete(tail));
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
    /**
     * The core exists after the trigger is handed to it: bind its dispatcher here, and
     * what hands its claims back when the process stops (core.stopDispatching).
     */
    attach(fn: () => Promise<DispatchReport>, stopDispatching?: () => Promise<number>) {
      dispatch = fn;
      handBack = stopDispatching ?? null;
    },
    /**
     * Dispatches now; resolves when that dispatch and those already running are done,
     * with what they left in slow lanes, so what was due when it was asked has been
     * tried (a running dispatch may hold it).
     */
    async runNow() {
      const earlier = [...running];
      await run();
      await Promise.all(earlier);
      await Promise.all(settling);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      // What is claimed and not started goes to another process now, not after its lease.
      await handBack?.();
      // A delivery being sent is finished and recorded; each send is bounded by the call timeout.
      while (running.size || settling.size) await Promise.all([...running, ...settling]);
    },
  };
}
