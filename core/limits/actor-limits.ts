import type { Actor } from '../directory/actor';
import { CoreError } from '../errors';
import type { Clock } from '../ports/clock.port';

/** At most `max` in any `windowMs`. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

export interface RateLimits {
  /** Commands and clicks that change something (orders, notes, rules, settings, decisions). */
  writes: RateLimit;
  /** Access requests, each of which messages and emails an order's placer. */
  accessRequests: RateLimit;
}

/** A person typing does not reach these; a script repeating a command does. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  writes: { max: 60, windowMs: 60_000 },
  accessRequests: { max: 10, windowMs: 3_600_000 },
};

export type LimitedKind = keyof RateLimits;

/** Counts what each actor does, per kind; `take` throws RATE_LIMITED past the limit. */
export interface ActorLimits {
  take(kind: LimitedKind, actor: Actor): void;
  /** How many people a kind's window remembers now: bounded by recent activity, not by history. */
  remembered(kind: LimitedKind): number;
}

/**
 * Limited are the chat channels, where anyone in the workspace can type. The API needs
 * its bearer token, the scheduler is provbot itself, and email links are single-use.
 */
const LIMITED_CHANNELS: ReadonlySet<Actor['channel']> = new Set(['slack', 'teams']);

/** Who the actor is across channels: their verified email, else their platform id. */
export function actorKey(actor: Actor): string {
  if (actor.email) return `email:${actor.email.trim().toLowerCase()}`;
  return `${actor.channel}:${actor.platformUserId ?? actor.name}`;
}

/** Sliding windows on the core's clock, kept in this process (as the delivery pacer is). */
export function createActorLimits(limits: RateLimits, clock: Clock): ActorLimits {
  const windows = { writes: new SlidingWindows(limits.writes), accessRequests: new SlidingWindows(limits.accessRequests) };
  return {
    take(kind, actor) {
      if (!LIMITED_CHANNELS.has(actor.channel)) return;
      const waitMs = windows[kind].take(actorKey(actor), clock.now().getTime());
      if (waitMs > 0) throw new CoreError('RATE_LIMITED', { kind, retryAfterSeconds: Math.ceil(waitMs / 1000) });
    },
    remembered: (kind) => windows[kind].size,
  };
}

/** How many keys may be remembered before expired ones are swept, so memory stays bounded by activity. */
const SWEEP_AT = 10_000;

class SlidingWindows {
  private readonly hits = new Map<string, number[]>();
  /** Doubles past a sweep that freed little, so many active people do not make every call sweep. */
  private sweepAt = SWEEP_AT;
  constructor(private readonly limit: RateLimit) {}

  get size(): number {
    return this.hits.size;
  }

  /** Records a hit at `now` and returns 0, or how long until one is allowed again (recording nothing). */
  take(key: string, now: number): number {
    if (this.hits.size >= this.sweepAt) {
      this.sweep(now);
      this.sweepAt = Math.max(SWEEP_AT, this.hits.size * 2);
    }
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.limit.windowMs);
    if (recent.length >= this.limit.max) {
      this.hits.set(key, recent);
      return recent[0]! + this.limit.windowMs - now;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return 0;
  }

  private sweep(now: number): void {
    for (const [key, times] of this.hits) if (times.every((t) => t <= now - this.limit.windowMs)) this.hits.delete(key);
  }
}
