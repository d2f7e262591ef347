import { describe, expect, it } from 'vitest';
import { withConnectorRetry } from './connector-retry';

/** An error shaped like the connector's RestError. */
const refused = (statusCode: number, retryAfter?: string) =>
  Object.assign(new Error(`HTTP ${statusCode}`), {
    statusCode,
    response: { headers: { get: (n: string) => (n === 'retry-after' ? retryAfter : undefined) } },
  });

function recorder() {
  const slept: number[] = [];
  return { slept, policy: { attempts: 4, baseDelayMs: 100, maxDelayMs: 5_000, sleep: async (ms: number) => void slept.push(ms) } };
}

describe('retrying a proactive Teams call', () => {
  it('retries a 412 with growing, jittered backoff and gives up after the last attempt', async () => {
    const r = recorder();
    let calls = 0;
    await expect(
      withConnectorRetry(async () => {
        calls += 1;
        throw refused(412);
      }, r.policy),
    ).rejects.toMatchObject({ statusCode: 412 });
    expect(calls).toBe(4);
    expect(r.slept).toHaveLength(3);
    for (const [i, ms] of r.slept.entries()) expect(ms).toBeLessThanOrEqual(100 * 2 ** i + 1);
  });

  it('waits as long as Retry-After says when a 412 carries one, then succeeds', async () => {
    const r = recorder();
    let calls = 0;
    const result = await withConnectorRetry(async () => {
      calls += 1;
      if (calls === 1) throw refused(412, '2');
      return 'updated';
    }, r.policy);
    expect(result).toBe('updated');
    expect(r.slept).toEqual([2000]);
  });

  it('leaves 429, 502 and 504 to the connector pipeline, and does not retry a 403 or 404, nor wait longer than it may', async () => {
    for (const err of [refused(429, '1'), refused(502), refused(504), refused(403), refused(404), refused(412, '60')]) {
      const r = recorder();
      let calls = 0;
      await expect(
        withConnectorRetry(async () => {
          calls += 1;
          throw err;
        }, r.policy),
      ).rejects.toBe(err);
      expect(calls).toBe(1);
    }
  });
});
