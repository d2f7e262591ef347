import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JANE, startSlackOrderE2E } from './slack-order-harness';
import type { SlackOrderE2E } from './slack-order-harness';

let h: SlackOrderE2E;
beforeAll(async () => {
  h = await startSlackOrderE2E({ isAuthorizationRequiredForAddOrder: true, phoneAssignmentDoneBy: null });
});
afterAll(async () => h?.stop());

describe('Slack rate limits (HTTP 429 with Retry-After)', () => {
  it('waits as long as Slack says, then posts each approval DM once', async () => {
    h.api.rateLimits.set('chat.postMessage', { times: 1, retryAfterSeconds: 1 });
    const placed = await h.bot.api('POST', '/api/work-orders', {
      subscriberLogin: JANE.login,
      orderable: 'Phone',
      attributes: { Phone: { phoneType: '7945' } },
    });
    expect(placed.status).toBe(201);
    const [ann, abe] = await Promise.all([h.dm('ann', /Approval needed/), h.dm('abe', /Approval needed/)]);

    expect(h.api.rateLimited).toHaveLength(1);
    const refusedAt = h.api.rateLimited[0]!.at;
    const posts = h.api
      .callsTo('chat.postMessage')
      .filter((c) => c.answer.ok && String(c.args.text ?? '').includes(placed.body.order.number));
    expect(posts).toHaveLength(2);
    expect([ann, abe].map((m) => m.channel).sort()).toEqual(['DABE', 'DANN']);
    // The refused post was retried, and no sooner than Retry-After allowed.
    expect(Math.max(...posts.map((c) => c.at))).toBeGreaterThanOrEqual(refusedAt + 1000);
  });
});
