import PQueue from 'p-queue';
import type { Logger } from '../../core/index';
import { keepCorrelation } from '../observability/request-context';
import { errorSummary } from './bolt-logger';

/**
 * The work that follows an ack (identify the user, run the use case, reply through
 * the response_url) waits here, so that a burst of commands is acked at the pace of
 * a bare Bolt app instead of queueing behind the database work of earlier commands.
 * Slack allows 3 s for the ack and 30 minutes for the reply
 * (https://docs.slack.dev/interactivity/handling-user-interaction#responses).
 *
 * p-queue keeps at most `concurrency` jobs running, so replies still overlap their
 * network round trips and the database never sees more than `concurrency` jobs at once.
 * On top of it, at most one job begins its work per turn of the event loop (setImmediate
 * runs after the poll phase, where new requests are read and acked), however long the
 * backlog. At most `maxQueued` jobs wait to begin: past that the queue refuses new ones,
 * and the listener answers in its ack that the bot is busy, so memory stays bounded.
 */
export interface AfterAckQueue {
  /** Queues the job; false (the job dropped) when `maxQueued` already wait. */
  enqueue(job: () => Promise<void>): boolean;
  /** True when a job enqueued now would be refused: say so in the ack instead. */
  readonly full: boolean;
  /** Resolves when every queued and running job has finished (shutdown). */
  drain(): Promise<void>;
}

export interface AfterAckQueueOptions {
  log: Logger;
  concurrency?: number;
  maxQueued?: number;
}

export function createAfterAckQueue({ log, concurrency = 16, maxQueued = 2000 }: AfterAckQueueOptions): AfterAckQueue {
  const queue = new PQueue({ concurrency });
  // Jobs enqueued and not yet begun, whether p-queue still holds them or they wait for their turn.
  let waiting = 0;
  const nextTurn = oneTurnEach();
  return {
    enqueue(job) {
      if (waiting >= maxQueued) return false;
      waiting++;
      // Runs later, after other requests were acked: it keeps the correlation id of the request that queued it.
      const run = keepCorrelation(job);
      void queue.add(async () => {
        await nextTurn();
        waiting--;
        await run().catch((err) => log.error(errorSummary(err), 'work after a Slack ack failed'));
      });
      return true;
    },
    get full() {
      return waiting >= maxQueued;
    },
    drain: () => queue.onIdle(),
  };
}

/**
 * Each call resolves on its own turn of the event loop, one setImmediate after the previous
 * call's. The immediate is scheduled in the caller's tick (not in a later microtask), so the
 * first job begins in the check phase that follows the request which queued it.
 */
function oneTurnEach(): () => Promise<void> {
  const waiters: (() => void)[] = [];
  let ticking = false;
  const tick = () => {
    waiters.shift()?.();
    if (waiters.length > 0) setImmediate(tick);
    else ticking = false;
  };
  return () =>
    new Promise<void>((resolve) => {
      waiters.push(resolve);
      if (ticking) return;
      ticking = true;
      setImmediate(tick);
    });
}
