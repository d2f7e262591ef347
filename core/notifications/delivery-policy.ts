import type { DeliveryTarget } from './delivery';

/** How hard the dispatcher tries. Defaults suit production; tests shorten the delays. */
export interface DeliveryPolicy {
  /**
   * How long after its first failure a delivery is still retried before it goes to the
   * dead-letter state. A time, not a count: an outage of a mail server, Slack or Teams
   * lasting hours must not dead-letter what was written at its start.
   */
  retryHorizonMs: number;
  /** The first retry's ceiling; each retry doubles it, up to maxDelayMs, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a claimed delivery is ours; a process that dies mid-send frees it after this. */
  leaseMs: number;
  /** Deliveries claimed per round; destinations are served independently of each other. */
  batchSize: number;
  /**
   * The longest one send (SMTP, Slack or Teams call) may take before it counts as a
   * failure whose outcome is unknown. Well below leaseMs, so a send never outlives its claim.
   */
  callTimeoutMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  retryHorizonMs: 24 * 3_600_000,
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
  leaseMs: 60_000,
  batchSize: 100,
  callTimeoutMs: 10_000,
};

/**
 * Capped exponential backoff with full jitter: attempt n waits a random time up to
 * base·2^(n-1), at most maxDelayMs, so retries from many deliveries to one failed
 * server spread out instead of arriving together, and a server back after an outage
 * is found within maxDelayMs. https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function retryDelayMs(policy: DeliveryPolicy, attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(30, Math.max(0, attempts - 1)));
  return Math.round(random() * ceiling);
}

/** The retry horizon has passed since the first failure: no more retries. */
export function pastRetryHorizon(policy: DeliveryPolicy, retryFrom: Date, now: Date): boolean {
  return now.getTime() - retryFrom.getTime() >= policy.retryHorizonMs;
}

/**
 * Per-destination rate limits. Slack: "1 message per second per channel, allowing for
 * short bursts" (https://docs.slack.dev/apis/web-api/rate-limits#posting-messages);
 * Teams: 7 operations a second per bot per conversation
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit).
 * Email goes through the SMTP server's own pacing.
 */
const LIMITS = { slack: { perSecond: 1, burst: 3 }, teams: { perSecond: 7, burst: 7 } } as const;

/**
 * A token bucket per destination, in this process. With several processes each keeps
 * its own, and the platform's 429 (with Retry-After, honoured through `holdUntil`) is
 * the backstop.
 */
export class DestinationPacer {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly holds = new Map<string, number>();

  /** 0 when the delivery may go now (and takes its token), else how long to wait. */
  take(key: string, target: DeliveryTarget, nowMs: number): number {
    const held = this.holds.get(key);
    if (held !== undefined) {
      if (held > nowMs) return held - nowMs;
      this.holds.delete(key);
    }
    if (target.channel === 'email') return 0;
    const limit = LIMITS[target.platform];
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, at: nowMs };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((nowMs - bucket.at) / 1000) * limit.perSecond);
    bucket.at = nowMs;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / limit.perSecond) * 1000);
  }

  /** The platform said "not before then" for this destination. */
  holdUntil(key: string, untilMs: number): void {
    this.holds.set(key, Math.max(untilMs, this.holds.get(key) ?? 0));
  }
}
