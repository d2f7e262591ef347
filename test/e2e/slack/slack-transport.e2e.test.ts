import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockActionsBody, postSigned, rawPayloadBody, signedHeaders, slashCommandBody } from '../../../scripts/bench/slack/slack-signing';
import { SIGNING_SECRET, startSlackE2E, U, visibleText } from './slack-e2e-harness';
import type { SlackE2E } from './slack-e2e-harness';

let h: SlackE2E;
beforeAll(async () => {
  h = await startSlackE2E();
  await h.seedUsers();
  await h.seedOrder('ORD-T');
}, 30_000);
afterAll(() => h?.stop());

const statusBody = (responseUrl: string) => slashCommandBody({ text: 'status ORD-T', user: U.alice, responseUrl });
const now = () => Math.floor(Date.now() / 1000);

/** Nothing reached the bot's listeners: no Web API call and no reply. */
async function expectIgnored(responseUrl: string, callsBefore: number) {
  await new Promise((r) => setTimeout(r, 150));
  expect(h.api.responsesTo(responseUrl)).toEqual([]);
  expect(h.api.calls.length).toBe(callsBefore);
}

/** A still-working bot answers the next genuine command. */
async function expectStillServing() {
  const sent = await h.command(U.alice, 'status ORD-T');
  expect(visibleText((await h.reply(sent.responseUrl)).body)).toContain('Order ORD-T');
}

describe('Slack request transport', () => {
  it('answers 401 to a wrong signature and runs nothing', async () => {
    const url = h.api.responseUrl();
    const calls = h.api.calls.length;
    const res = await postSigned(h.events, statusBody(url), { secret: 'not-the-signing-secret' });
    expect(res.status).toBe(401);
    await expectIgnored(url, calls);
  });

  it('answers 401 to a body changed after signing', async () => {
    const url = h.api.responseUrl();
    const headers = signedHeaders(SIGNING_SECRET, statusBody(url));
    const res = await fetch(h.events, { method: 'POST', headers, body: statusBody(url).replace('status', 'resend') });
    expect(res.status).toBe(401);
  });

  it('answers 401 to a correctly signed request six minutes old (a replay)', async () => {
    const url = h.api.responseUrl();
    const calls = h.api.calls.length;
    const res = await postSigned(h.events, statusBody(url), { secret: SIGNING_SECRET, timestamp: now() - 6 * 60 });
    expect(res.status).toBe(401);
    await expectIgnored(url, calls);
  });

  it('answers 401 to a request without signature headers', async () => {
    const res = await fetch(h.events, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: statusBody(h.api.responseUrl()),
    });
    expect(res.status).toBe(401);
  });

  it('answers 413 to a body declared over 64 KB, before reading or verifying it', async () => {
    const body = `${statusBody(h.api.responseUrl())}&pad=${'x'.repeat(70 * 1024)}`;
    const res = await postSigned(h.events, body, { secret: SIGNING_SECRET });
    expect(res.status).toBe(413);
    await expectStillServing();
  });

  it('answers 413 to an oversize chunked body with no Content-Length', async () => {
    const body = `${statusBody(h.api.responseUrl())}&pad=${'x'.repeat(70 * 1024)}`;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(h.events, { method: 'POST', headers: signedHeaders(SIGNING_SECRET, body) }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      // Two writes and no length: Node sends Transfer-Encoding: chunked.
      req.write(body.slice(0, 1000));
      req.end(body.slice(1000));
    });
    expect(status).toBe(413);
  });

  it('answers 400 to a signed interaction whose payload is not JSON, and keeps serving', async () => {
    const res = await postSigned(h.events, rawPayloadBody('{"type":"block_actions",'), { secret: SIGNING_SECRET });
    expect(res.status).toBe(400);
    await expectStillServing();
  });

  it('acks an unknown button and does nothing else', async () => {
    const url = h.api.responseUrl();
    const calls = h.api.calls.length;
    const body = blockActionsBody({
      user: U.alice,
      actionId: 'order.delete',
      value: 'ORD-T',
      responseUrl: url,
      message: { channel: 'DALICE', ts: '1.000001' },
    });
    const res = await postSigned(h.events, body, { secret: SIGNING_SECRET });
    expect(res.status).toBe(200);
    await expectIgnored(url, calls);
  });

  it('tells the clicker about a request that does not exist', async () => {
    const click = await h.click(U.alice, 'access.approve', 'req-does-not-exist', { channel: 'DALICE', ts: '1.000001' });
    expect(click.status).toBe(200);
    expect(visibleText((await h.reply(click.responseUrl)).body)).toContain("I can't find that access request.");
  });

  it('acks before any work: the HTTP answer does not wait for a slow users.info', async () => {
    h.api.delays.set('users.info', 800);
    try {
      const started = Date.now();
      const sent = await h.command({ id: 'UNEWCOMER', name: 'newcomer' }, 'status ORD-T');
      expect(sent.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(400);
      expect(h.api.responsesTo(sent.responseUrl)).toEqual([]);
      // The lookup finds no profile; the newcomer is then nobody the order lets in.
      expect(visibleText((await h.reply(sent.responseUrl)).body)).toContain("You can't see order ORD-T: you have no access to it");
    } finally {
      h.api.delays.delete('users.info');
    }
  });

  it('acks within the 3 seconds Slack allows even with a burst of concurrent commands', async () => {
    const started = Date.now();
    const sent = await Promise.all(Array.from({ length: 30 }, () => h.command(U.alice, 'status ORD-T')));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(sent.every((s) => s.status === 200)).toBe(true);
    for (const s of sent) expect(visibleText((await h.reply(s.responseUrl)).body)).toContain('Order ORD-T');
  });
});
