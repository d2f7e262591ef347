/**
 * Retries of a proactive Bot Framework call that Teams refused for a while. Teams'
 * transient answers are 429, 412, 502 and 504
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit#handle-rate-limits-in-the-bot).
 * The connector's HTTP pipeline (@azure/core-rest-pipeline defaultRetryPolicy) already
 * retries 429 after its Retry-After and 502/504 with exponential backoff, three times;
 * retrying those here too would multiply the attempts. It does not retry 412 (another
 * update of the same message got there first), which this does.
 */
export const RETRYABLE_STATUSES = new Set([412]);

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  /** Longer Retry-After answers are not waited for: the call fails and is logged. */
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A few seconds at most: notices come from the outbox, which retries a failed one
 * itself, with backoff, and must not have a destination held up here for long.
 */
export const TEAMS_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 2_000 };

export async function withConnectorRetry<T>(call: () => Promise<T>, policy: RetryPolicy = TEAMS_RETRY): Promise<T> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const status = statusOf(err);
      if (attempt >= policy.attempts || status === null || !RETRYABLE_STATUSES.has(status)) throw err;
      const delay = retryAfterMs(err) ?? backoff(policy.baseDelayMs, attempt);
      if (delay > policy.maxDelayMs) throw err;
      await sleep(delay);
    }
  }
}

/** Exponential, with full jitter so that many senders throttled together do not retry together. */
const backoff = (base: number, attempt: number): number => Math.round(Math.random() * base * 2 ** (attempt - 1)) + 1;

/** The HTTP status of a connector error (RestError statusCode), or null for anything else. */
export function statusOf(err: unknown): number | null {
  const e = err as { statusCode?: unknown; status?: unknown } | null;
  const status = typeof e?.statusCode === 'number' ? e.statusCode : typeof e?.status === 'number' ? e.status : null;
  return status;
}

/** Retry-After in seconds (or an HTTP date), from the connector's RestError response headers. */
export function retryAfterMs(err: unknown): number | null {
  const headers = (err as { response?: { headers?: { get?: (name: string) => string | undefined } } } | null)?.response?.headers;
  const value = headers?.get?.('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
