/** Time as the Webex client sees it: injectable so tests drive it instead of waiting. */
export interface WebexTimer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimer: WebexTimer = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A client-side pace: request starts at least 1/maxPerSecond apart, so a 1,000-user
 * import spreads itself out instead of running into Webex's 429s. The slot is taken
 * before waiting, so concurrent callers queue in order.
 */
export function createPacer(maxPerSecond: number, timer: WebexTimer): () => Promise<void> {
  const interval = 1000 / maxPerSecond;
  let nextSlot = 0;
  return async () => {
    const now = timer.now();
    const start = Math.max(now, nextSlot);
    nextSlot = start + interval;
    if (start > now) await timer.sleep(start - now);
  };
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date (RFC 9110 section 10.2.3); 1 s when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number {
  if (header === null || header.trim() === '') return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds * 1000));
  const at = Date.parse(header);
  return Number.isNaN(at) ? 1000 : Math.max(0, at - now);
}
