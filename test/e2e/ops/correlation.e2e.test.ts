import { describe, expect, it } from 'vitest';
import { captureLogs } from '../../fakes/captured-logs';
import { signedHeaders, slashCommandBody } from '../../../scripts/bench/slack/slack-signing';
import { JANE, PEOPLE, SECRET, startSlackOrderE2E } from '../slack/slack-order-harness';

const RULES = { isAuthorizationRequiredForAddOrder: true, phoneAssignmentDoneBy: null };

describe('correlation ids in the logs (real bot, captured log lines)', () => {
  it('stamps one id on every line of a Slack command, its X-Request-Id when safe', { timeout: 20_000 }, async () => {
    const logs = captureLogs();
    const h = await startSlackOrderE2E(RULES, { LOG_LEVEL: 'info' }, { logDestination: logs.destination });
    try {
      const slashCommand = async (requestId: string) => {
        const responseUrl = h.api.responseUrl();
        const body = slashCommandBody({ text: 'status WO-404', user: { id: PEOPLE.olga.slackUserId, name: 'olga' }, responseUrl });
        const res = await fetch(`${h.bot.url}/slack/events`, {
          method: 'POST',
          headers: { ...signedHeaders(SECRET, body), 'x-request-id': requestId },
          body,
        });
        await h.replies(responseUrl);
        return res.headers.get('x-request-id')!;
      };
      const id = await slashCommand('req-7f3a9c21-slack');
      expect(id).toBe('req-7f3a9c21-slack');
      // Not reused: a line break (log forging) or anything past 100 plain characters.
      const unsafe = await slashCommand(`x${'y'.repeat(120)}`);
      expect(unsafe).not.toContain('yyy');

      const lines = logs.lines.filter((l) => l.correlationId === id);
      // The ack's access line, and the refusal logged by the work after the ack.
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['request answered', 'slack request refused']));
      expect(lines.find((l) => l.msg === 'request answered')).toMatchObject({ path: '/slack/events', status: 200, label: 'status' });
      expect(logs.lines.filter((l) => l.msg === 'slack request refused').map((l) => l.correlationId)).toEqual([id, unsafe]);
    } finally {
      await h.stop();
    }
  });

  it('gives each Socket Mode request an id of its own, on its handled line and on the work after its ack', {
    timeout: 30_000,
  }, async () => {
    const logs = captureLogs();
    const h = await startSlackOrderE2E(RULES, { LOG_LEVEL: 'info' }, { logDestination: logs.destination }, 'socket');
    try {
      for (const _ of [1, 2]) await h.replies((await h.command('olga', 'status WO-404')).responseUrl);
      const handled = logs.lines.filter((l) => l.msg === 'request handled' && l.label === 'status');
      expect(handled).toHaveLength(2);
      const [first, second] = handled.map((l) => l.correlationId as string);
      expect(first).toMatch(/^[0-9a-f-]{36}$/);
      expect(second).not.toBe(first);
      // The refusal is logged by the work queued after the ack, under the same id as its request.
      await expect
        .poll(() => logs.lines.filter((l) => l.msg === 'slack request refused').map((l) => l.correlationId))
        .toEqual([first, second]);
    } finally {
      await h.stop();
    }
  });

  it('follows one delivery through a 429 and its retry by one id of its own', { timeout: 20_000 }, async () => {
    const logs = captureLogs();
    const h = await startSlackOrderE2E(RULES, { LOG_LEVEL: 'info' }, { logDestination: logs.destination });
    try {
      h.api.rateLimits.set('chat.postMessage', { times: 1, retryAfterSeconds: 1 });
      const placed = await h.bot.api('POST', '/api/work-orders', {
        subscriberLogin: JANE.login,
        orderable: 'Phone',
        attributes: { Phone: { phoneType: '7945' } },
      });
      expect(placed.status).toBe(201);
      await Promise.all([h.dm('ann', /Approval needed/), h.dm('abe', /Approval needed/)]);

      const limited = logs.lines.find((l) => l.msg === 'delivery: rate limited; waiting as told')!;
      const id = limited.correlationId as string;
      expect(id).toMatch(/^delivery-/);
      // Its first try, refused with a 429, and the later one that sent it.
      await expect
        .poll(() => logs.lines.filter((l) => l.correlationId === id).map((l) => l.msg))
        .toEqual(['delivery: rate limited; waiting as told', 'delivery sent after an earlier failure']);
      // Every line about this delivery's key carries its id, and no request's id.
      expect(logs.lines.filter((l) => l.key === limited.key).every((l) => l.correlationId === id)).toBe(true);
      const apiRequest = logs.lines.find((l) => l.msg === 'request answered' && l.path === '/api/work-orders')!;
      expect(apiRequest.correlationId).not.toBe(id);
    } finally {
      await h.stop();
    }
  });
});
