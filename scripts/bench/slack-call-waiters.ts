import { performance } from 'node:perf_hooks';
import type { RecordingSlackApi, SlackApiCall } from './slack/recording-slack-api';

/** Where a recorded call lands: chat.update names the message in its arguments, chat.postMessage learns it from the answer. */
const messageOf = (call: SlackApiCall): string | null => {
  const where = call.method === 'chat.update' ? call.args : call.answer;
  return where.channel && where.ts ? `${String(where.channel)}/${String(where.ts)}` : null;
};

export interface Arrival {
  /** performance.now() when the fake recorded the call. */
  at: number;
  call: SlackApiCall;
}

/**
 * Waiters on a RecordingSlackApi that resolve the moment a call is recorded, with the
 * performance.now() of that moment. The fake itself only offers waitFor, which polls
 * every 10 ms: fine for a test, but it would round every latency of a few ms up to
 * the next poll; this listens to each call as it is recorded (after the whole request
 * was read). Install before the bot makes the calls to be timed.
 */
export class SlackCallWaiters {
  /** First arrival per `${method} ${channel}/${ts}`, for calls recorded before anyone waited. */
  private readonly arrivals = new Map<string, Arrival>();
  private readonly waiters = new Map<string, (arrival: Arrival) => void>();
  private readonly counters: { method: string; count: number; resolve: () => void }[] = [];
  private readonly perMethod = new Map<string, number>();

  constructor(api: RecordingSlackApi) {
    api.onCall((call) => this.recorded(call, performance.now()));
  }

  /** Resolves with the first call to `method` for the message `channel`/`ts` and when it was recorded (at once if it already was). */
  arrival(method: string, message: { channel: string; ts: string }): Promise<Arrival> {
    const key = `${method} ${message.channel}/${message.ts}`;
    const seen = this.arrivals.get(key);
    if (seen !== undefined) return Promise.resolve(seen);
    if (this.waiters.has(key)) throw new Error(`already waiting for ${key}`);
    return new Promise((resolve) => this.waiters.set(key, resolve));
  }

  /** Resolves when `count` calls to `method` have been recorded since the waiters were installed, or rejects after `timeoutMs`. */
  count(method: string, count: number, timeoutMs: number): Promise<void> {
    if (this.countOf(method) >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.countOf(method)}/${count} ${method} calls after ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.counters.push({
        method,
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** Calls to `method` recorded since the waiters were installed. */
  countOf(method: string): number {
    return this.perMethod.get(method) ?? 0;
  }

  private recorded(call: SlackApiCall, at: number): void {
    this.perMethod.set(call.method, this.countOf(call.method) + 1);
    const message = messageOf(call);
    if (message) {
      const key = `${call.method} ${message}`;
      if (!this.arrivals.has(key)) {
        this.arrivals.set(key, { at, call });
        this.waiters.get(key)?.({ at, call });
        this.waiters.delete(key);
      }
    }
    for (let i = this.counters.length - 1; i >= 0; i--) {
      const c = this.counters[i]!;
      if (c.method === call.method && this.countOf(c.method) >= c.count) {
        this.counters.splice(i, 1);
        c.resolve();
      }
    }
  }
}
