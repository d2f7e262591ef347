import { describe, expect, it } from 'vitest';
import { button, JANE, startSlackOrderE2E } from '../slack/slack-order-harness';
import type { SlackOrderE2E } from '../slack/slack-order-harness';
import { METRICS_TOKEN, scrapeMetrics } from './scrape-metrics';
import { TEST_API_TOKEN } from '../../fakes/test-bot';

/** An Approval for each phone order, by the domain's two approvers; no Assignment step. */
const RULES = { isAuthorizationRequiredForAddOrder: true, phoneAssignmentDoneBy: null };

const placePhoneOrder = (h: SlackOrderE2E) =>
  h.bot.api('POST', '/api/work-orders', { subscriberLogin: JANE.login, orderable: 'Phone', attributes: { Phone: { phoneType: '7945' } } });

async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 8000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('GET /metrics (real bot, signed Slack requests, recording Slack API)', () => {
  it('is closed without the bearer METRICS_TOKEN, and without METRICS_TOKEN set at all', async () => {
    const h = await startSlackOrderE2E(RULES, { METRICS_TOKEN });
    const closed = await startSlackOrderE2E(RULES);
    try {
      expect((await fetch(`${h.bot.url}/metrics`)).status).toBe(401);
      const wrong = await fetch(`${h.bot.url}/metrics`, { headers: { authorization: 'Bearer not-the-metrics-token' } });
      expect(wrong.status).toBe(401);
      // API_TOKEN acts as an administrator: it is not a key to the metrics.
      const apiToken = await fetch(`${h.bot.url}/metrics`, { headers: { authorization: `Bearer ${TEST_API_TOKEN}` } });
      expect(apiToken.status).toBe(401);
      expect((await fetch(`${closed.bot.url}/metrics`)).status).toBe(503);
      expect((await scrapeMetrics(h.bot.url)).names.has('provbot_deliveries_total')).toBe(true);
    } finally {
      await closed.stop();
      await h.stop();
    }
  });

  it('counts the ack of a command and of a click, deliveries, a 429, a decision and a dead letter', { timeout: 30_000 }, async () => {
    const h = await startSlackOrderE2E(RULES, { METRICS_TOKEN });
    try {
      const before = await scrapeMetrics(h.bot.url);
      expect(before.value('provbot_ack_duration_seconds_count', { platform: 'slack' })).toBe(0);
      // The start-up catch-up ticks of both scheduler jobs.
      const ticks = await eventually(
        () => scrapeMetrics(h.bot.url),
        (m) => m.value('provbot_scheduler_ticks_total', { job: 'notification', outcome: 'ok' }) >= 1,
      );
      expect(ticks.value('provbot_scheduler_ticks_total', { job: 'provisioning', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
      expect(ticks.value('provbot_scheduler_last_tick_timestamp_seconds', { job: 'notification' })).toBeGreaterThan(0);

      const command = await h.command('olga', 'status WO-404');
      expect(command.status).toBe(200);
      await h.replies(command.responseUrl);

      // The first approval DM gets a 429: waited out, then posted.
      h.api.rateLimits.set('chat.postMessage', { times: 1, retryAfterSeconds: 1 });
      expect((await placePhoneOrder(h)).status).toBe(201);
      const annDm = await h.dm('ann', /Approval needed/);
      await h.dm('abe', /Approval needed/);
      const click = await h.click('ann', button(annDm.call, 'activity.approve'), annDm);
      expect(click.status).toBe(200);
      await h.api.waitFor(() => h.updatesOf(annDm)[0]);

      // Slack refuses for good: both approval DMs of the next order are dead letters.
      h.api.failing.set('chat.postMessage', 'channel_not_found');
      expect((await placePhoneOrder(h)).status).toBe(201);
      const after = await eventually(
        () => scrapeMetrics(h.bot.url),
        (m) => m.value('provbot_deliveries_total', { result: 'dead', destination: 'slack' }) >= 2,
      );

      expect(after.value('provbot_ack_duration_seconds_count', { platform: 'slack', command: 'status' })).toBe(1);
      expect(after.value('provbot_ack_duration_seconds_count', { platform: 'slack', command: 'action:activity.approve' })).toBe(1);
      expect(after.value('provbot_ack_duration_seconds_sum', { platform: 'slack', command: 'status' })).toBeGreaterThan(0);
      expect(after.value('provbot_deliveries_total', { result: 'rate_limited', destination: 'slack' })).toBe(1);
      expect(after.value('provbot_rate_limit_waits_total', { kind: 'slack' })).toBe(1);
      // Ann's and Abe's DMs, then both updated in place after the decision.
      expect(after.value('provbot_deliveries_total', { result: 'sent', destination: 'slack' })).toBeGreaterThanOrEqual(4);
      expect(after.value('provbot_deliveries_total', { result: 'sent', destination: 'email' })).toBeGreaterThanOrEqual(2);
      expect(after.value('provbot_deliveries_total', { result: 'dead', destination: 'slack' })).toBe(2);
      expect(after.value('provbot_outbox_deliveries', { state: 'dead' })).toBe(2);
      expect(after.value('provbot_decision_wait_seconds_count', { kind: 'Approval' })).toBe(1);
      expect(after.value('provbot_decision_wait_seconds_bucket', { kind: 'Approval', le: '+Inf' })).toBe(1);
    } finally {
      await h.stop();
    }
  });

  it('counts a retry and a refusal for the per-person rate limit', { timeout: 20_000 }, async () => {
    const h = await startSlackOrderE2E(RULES, { METRICS_TOKEN, RATE_LIMIT_WRITES_PER_MINUTE: '1' });
    try {
      // A failure that is not an answer (a 5xx-like internal_error) is retried.
      h.api.failing.set('chat.postMessage', 'internal_error');
      expect((await placePhoneOrder(h)).status).toBe(201);
      const retried = await eventually(
        () => scrapeMetrics(h.bot.url),
        (m) => m.value('provbot_delivery_retries_total', { destination: 'slack' }) >= 1,
      );
      expect(retried.value('provbot_deliveries_total', { result: 'retried', destination: 'slack' })).toBeGreaterThanOrEqual(1);

      // Olga's second write within the minute is refused.
      const first = await h.command('olga', 'note 1 first');
      await h.replies(first.responseUrl);
      const second = await h.command('olga', 'note 1 second');
      await h.replies(second.responseUrl);
      const limited = await scrapeMetrics(h.bot.url);
      expect(limited.value('provbot_rate_limit_waits_total', { kind: 'writes' })).toBe(1);
    } finally {
      await h.stop();
    }
  });
});
