import { DestinationPacer } from './delivery-policy';

/** Sends in flight at once in this process, over all destinations. */
const MAX_SENDS = 16;
/**
 * Deliveries queued or in flight in this process's lanes before a dispatch claims more:
 * a dispatch does not wait for a stalled lane, so without a bound a slow destination's
 * backlog would be claimed into memory faster than it can be sent.
 */
const MAX_IN_LANES = 1_000;

/** A delivery handed to a lane, and its lane, for a dispatch round to wait on (see untilSettledOrStalled). */
export interface LaneTask {
  destination: string;
  done: Promise<void>;
}

/**
 * One per process: each destination's deliveries go one after another, in the order
 * they were claimed (a person reads their notices in order), while destinations
 * progress independently of each other. A Slack channel whose posts hang holds up its
 * own lane only: a dispatch round stops waiting for a lane whose send has run past a
 * short bound and leaves the lane to finish (and record) what it holds. The pacer
 * (rate limits) lives here too, since both are about this process's destinations.
 */
export class DestinationLanes {
  readonly pacer = new DestinationPacer();
  private readonly tails = new Map<string, Promise<void>>();
  /** When each lane's current send started (performance.now(): real time, whatever clock the core is given). */
  private readonly started = new Map<string, number>();
  private active = 0;
  private queued = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly roomWaiters: (() => void)[] = [];

  /** Runs `task` after every task queued before for `destination`; resolves (or rejects) with it. */
  enqueue(destination: string, task: () => Promise<void>): LaneTask {
    const after = this.tails.get(destination) ?? Promise.resolve();
    this.queued += 1;
    // A failed task does not stop its lane: the next one runs anyway.
    const next = after.catch(() => {}).then(() => this.inSlot(destination, task));
    this.tails.set(destination, next);
    const forget = () => {
      if (this.tails.get(destination) === next) this.tails.delete(destination);
      this.queued -= 1;
      // The waiter looks again (roomFor).
      this.roomWaiters.shift()?.();
    };
    next.then(forget, forget);
    return { destination, done: next };
  }

  /** Destinations with something queued or in flight. */
  get busy(): number {
    return this.tails.size;
  }

  /** Resolves when the lanes can take `count` more deliveries (MAX_IN_LANES). */
  async roomFor(count: number): Promise<void> {
    while (this.queued > 0 && this.queued + count > MAX_IN_LANES) await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
  }

  /**
   * Resolves when every task has settled, or when each task still open is in a lane
   * whose current send has run for `stallMs` or more (a hung destination): a dispatch
   * does not wait on those, the lane finishes them. Returns the tasks left open.
   */
  async untilSettledOrStalled(tasks: LaneTask[], stallMs: number): Promise<LaneTask[]> {
    const open = new Set(tasks);
    let wake = () => {};
    for (const t of tasks) {
      const settle = () => {
        open.delete(t);
        wake();
      };
      t.done.then(settle, settle);
    }
    for (;;) {
      if (open.size === 0) return [];
      const now = performance.now();
      let until = 0;
      for (const t of open) until = Math.max(until, (this.started.get(t.destination) ?? Number.POSITIVE_INFINITY) + stallMs);
      if (until <= now) return [...open];
      // A lane not sending yet (its turn, or a send slot, still to come) is looked at again after stallMs.
      let timer: ReturnType<typeof setTimeout> | undefined;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, Math.min(until - now, stallMs));
      });
      clearTimeout(timer);
    }
  }

  private async inSlot(destination: string, task: () => Promise<void>): Promise<void> {
    if (this.active >= MAX_SENDS) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    this.started.set(destination, performance.now());
    try {
      await task();
    } finally {
      this.started.delete(destination);
      // The slot passes straight to the next waiter, if any.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}
