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
 * At most one job starts per turn of the event loop (setImmediate runs after the
 * poll phase, where new requests are read and acked), and at most `concurrency` run
 * at once, so replies still overlap their network round trips, however long the
 * backlog. At most `maxQueued` jobs wait: past that the queue refuses new ones, and
 * the listener answers in its ack that the bot is busy, so memory stays bounded and
 * the database never sees more than `concurrency` jobs at once.
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
  const waiting: (() => Promise<void>)[] = [];
  let running = 0;
  let scheduled = false;
  const idle: (() => void)[] = [];

  const start = (job: () => Promise<void>) => {
    running++;
    void job()
      .catch((err) => log.error(errorSummary(err), 'work after a Slack ack failed'))
      .finally(() => {
        running--;
        schedule();
        if (running === 0 && waiting.length === 0) for (const resolve of idle.splice(0)) resolve();
      });
  };
  const turn = () => {
    scheduled = false;
    if (running < concurrency && waiting.length > 0) start(waiting.shift()!);
    schedule();
  };
  const schedule = () => {
    if (scheduled || waiting.length === 0 || running >= concurrency) return;
    scheduled = true;
    setImmediate(turn);
  };

  return {
    enqueue(job) {
      if (waiting.length >= maxQueued) return false;
      // Runs later, started by whichever job ends first: it keeps the correlation id of the request that queued it.
      waiting.push(keepCorrelation(job));
      schedule();
      return true;
    },
    get full() {
      return waiting.length >= maxQueued;
    },
    drain() {
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
  };
}
