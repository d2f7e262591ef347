import { DestinationPacer } from './delivery-policy';

/** Sends in flight at once in this process, over all destinations. */
const MAX_SENDS = 16;

/**
 * One per process: each destination's deliveries go one after another, in the order
 * they were claimed (a person reads their notices in order), while destinations
 * progress independently of each other. A Slack channel whose posts hang holds up its
 * own lane only: an email claimed meanwhile by another dispatch goes out at once. The
 * pacer (rate limits) lives here too, since both are about this process's destinations.
 */
export class DestinationLanes {
  readonly pacer = new DestinationPacer();
  private readonly tails = new Map<string, Promise<void>>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  /** Runs `task` after every task queued before for `destination`; resolves (or rejects) with it. */
  enqueue(destination: string, task: () => Promise<void>): Promise<void> {
    const after = this.tails.get(destination) ?? Promise.resolve();
    // A failed task does not stop its lane: the next one runs anyway.
    const next = after.catch(() => {}).then(() => this.inSlot(task));
    this.tails.set(destination, next);
    const forget = () => {
      if (this.tails.get(destination) === next) this.tails.delete(destination);
    };
    next.then(forget, forget);
    return next;
  }

  /** Destinations with something queued or in flight. */
  get busy(): number {
    return this.tails.size;
  }

  private async inSlot(task: () => Promise<void>): Promise<void> {
    if (this.active >= MAX_SENDS) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    try {
      await task();
    } finally {
      // The slot passes straight to the next waiter, if any.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}
