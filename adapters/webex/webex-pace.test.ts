import { describe, expect, it } from 'vitest';
import { createPacer, retryAfterMs } from './webex-pace';

describe('Retry-After', () => {
  const now = Date.parse('2026-06-01T10:00:00Z');

  it('reads seconds or an HTTP date, and waits a second when it is missing or unreadable', () => {
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('0.5', now)).toBe(500);
    expect(retryAfterMs('Mon, 01 Jun 2026 10:00:07 GMT', now)).toBe(7000);
    expect(retryAfterMs('Mon, 01 Jun 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBe(1000);
    expect(retryAfterMs('soon', now)).toBe(1000);
  });
});

describe('client-side pace', () => {
  it('spaces request starts 1/maxPerSecond apart, concurrent callers in order; after an idle gap, no wait', async () => {
    let t = 0;
    const waits: number[] = [];
    const pace = createPacer(4, { now: () => t, sleep: async (ms) => void waits.push(ms) });
    await Promise.all([pace(), pace(), pace()]);
    expect(waits).toEqual([250, 500]);
    t = 5_000;
    await pace();
    expect(waits).toEqual([250, 500]);
  });
});
