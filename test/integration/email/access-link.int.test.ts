import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmailNotifier } from '../../../adapters/email/email-notifier';
import { anAccessRequest, anOrder } from '../../fixtures/core-values';
import type { DecideByLinkInput, DecideByLinkResult } from '../../../adapters/email/links/access-link.routes';
import { accessLinkRouter } from '../../../adapters/email/links/access-link.routes';
import { createLinkSigner } from '../../../adapters/email/links/link-signer';
import { createMailTransport } from '../../../adapters/email/mail-transport';
import { FixedClock } from '../../fakes/fixed-clock';
import type { SmtpTestServer } from '../../fakes/smtp-test-server';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';

const signer = createLinkSigner('int-test-secret-int-test-secret-000003');
const clock = new FixedClock(new Date('2026-11-23T10:00:00Z'));
const logged: { level: string; fields: Record<string, unknown>; message: string }[] = [];
const log = {
  info: (fields: Record<string, unknown>, message: string) => logged.push({ level: 'info', fields, message }),
  warn: (fields: Record<string, unknown>, message: string) => logged.push({ level: 'warn', fields, message }),
  error: (fields: Record<string, unknown>, message: string) => logged.push({ level: 'error', fields, message }),
};
const calls: DecideByLinkInput[] = [];
let answer: (input: DecideByLinkInput) => Promise<DecideByLinkResult>;

let server: Server;
let base: string;
beforeAll(async () => {
  const app = express();
  app.use(
    accessLinkRouter({
      signer,
      clock,
      log,
      decide: (input) => {
        calls.push(input);
        return answer(input);
      },
    }),
  );
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  calls.length = 0;
  logged.length = 0;
  clock.set('2026-11-23T10:00:00Z');
  answer = async (input) => ({ kind: 'decided', status: input.decision === 'approve' ? 'Approved' : 'Declined' });
});

const token = (decision: 'approve' | 'decline' = 'approve', requester = 'Bob Outsider (bob@other-partner.example)') =>
  signer.sign({
    requestId: 'req-1',
    decision,
    approverEmail: 'alice@acme-partner.example',
    approverName: 'Alice Placer',
    requester,
    action: 'resend the provisioning email for line 2 on order ORD-1',
    expiresAt: new Date('2026-11-30T10:00:00Z'),
  });
const get = (t: string) => fetch(`${base}/links/access/${t}`);
const post = (t: string, body = 'confirm=yes') =>
  fetch(`${base}/links/access/${t}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

describe('access links over HTTP', () => {
  it('GET shows a confirmation form and decides nothing', async () => {
    const res = await get(token());
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(html).toContain('<h1>Approve the request from Bob Outsider (bob@other-partner.example)?</h1>');
    expect(html).toContain('asks to resend the provisioning email for line 2 on order ORD-1.');
    expect(html).toMatch(/<form method="post">[\s\S]*name="confirm" value="yes"[\s\S]*<button type="submit">Approve<\/button>/);
    expect((await fetch(`${base}/links/access/${token()}`, { method: 'HEAD' })).status).toBe(200);
    expect(calls).toHaveLength(0);
  });

  it('POST decides once, as the approver named in the link', async () => {
    const res = await post(token());
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<h1>Approved.</h1>');
    expect(calls).toEqual([
      { approverEmail: 'alice@acme-partner.example', approverName: 'Alice Placer', requestId: 'req-1', decision: 'approve' },
    ]);
  });

  it('a Decline link declines', async () => {
    const res = await post(token('decline'));
    expect(await res.text()).toContain('<h1>Declined.</h1>');
    expect(calls.map((c) => c.decision)).toEqual(['decline']);
  });

  it('a POST without the form marker only asks again', async () => {
    const res = await post(token(), '');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<form method="post">');
    expect(calls).toHaveLength(0);
  });

  it('refuses a tampered or malformed token with 400 and decides nothing', async () => {
    const good = token();
    const tampered = good.slice(0, 10) + (good[10] === 'a' ? 'b' : 'a') + good.slice(11);
    for (const t of [tampered, 'not-a-token', `${good}x`]) {
      for (const res of [await get(t), await post(t)]) {
        expect(res.status).toBe(400);
        expect(await res.text()).toContain('This link is not valid');
      }
    }
    expect(calls).toHaveLength(0);
    expect(JSON.stringify(logged)).not.toContain(good.slice(0, 20));
  });

  it('refuses an expired link with 410 and decides nothing', async () => {
    const t = token();
    clock.set('2026-11-30T10:00:00Z');
    for (const res of [await get(t), await post(t)]) {
      expect(res.status).toBe(410);
      expect(await res.text()).toContain('This link has expired');
    }
    expect(calls).toHaveLength(0);
  });

  it('shows the refusal the decide callback returns, with its status', async () => {
    answer = async () => ({
      kind: 'error',
      status: 409,
      message: 'This request was already approved by Alice <Placer> at 2026-11-23 10:05 UTC.',
    });
    const res = await post(token());
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('<h1>Already decided</h1>');
    expect(html).toContain('already approved by Alice &lt;Placer&gt; at 2026-11-23 10:05 UTC.');
  });

  it('answers 500 with a ref, and no internals, when deciding throws', async () => {
    answer = async () => {
      throw new Error('database is locked');
    };
    const res = await post(token());
    const html = await res.text();
    expect(res.status).toBe(500);
    expect(html).not.toContain('database is locked');
    const ref = /ref ([0-9a-f]{8})/.exec(html)?.[1];
    expect(logged).toContainEqual(
      expect.objectContaining({ level: 'error', fields: expect.objectContaining({ ref, requestId: 'req-1' }) }),
    );
  });

  it('refuses an oversized body without deciding', async () => {
    const res = await post(token(), `confirm=yes&pad=${'x'.repeat(4096)}`);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('Something went wrong');
    expect(calls).toHaveLength(0);
  });

  it('escapes what the link carries', async () => {
    const html = await (await get(token('approve', '<script>alert(1)</script>'))).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('access request email to decision, end to end', () => {
  let smtp: SmtpTestServer;
  beforeEach(async () => {
    smtp = await startSmtpTestServer();
  });
  afterEach(() => smtp.stop());

  it('the Approve link in the delivered email confirms on GET and decides on POST', async () => {
    const transport = createMailTransport({ kind: 'smtp', url: smtp.url, timeoutMs: 2000 });
    const notifier = createEmailNotifier({
      transport,
      from: 'provbot <provbot@partner.example>',
      publicUrl: base,
      adminPortalUrl: 'https://admin.webex.com',
      links: signer,
      clock,
    });
    await notifier.sendNotice({
      to: 'alice@acme-partner.example',
      asUser: false,
      notice: { kind: 'access-request', request: anAccessRequest({ id: 'req-42' }), order: anOrder() },
      smtp: null,
      idempotencyKey: 'access:req-42:email',
      linkBase: null,
    });
    await transport.close();

    const email = await smtp.waitFor((m) => m.envelope.to.includes('alice@acme-partner.example'));
    const approveUrl = /Approve: (\S+)/.exec(email.text ?? '')?.[1];
    expect(approveUrl).toMatch(new RegExp(`^${base}/links/access/`));
    expect(email.html).toContain(`href="${approveUrl}"`);

    const page = await fetch(approveUrl!);
    expect(await page.text()).toContain('Approve the request from Bob Outsider (bob@other-partner.example)?');
    expect(calls).toHaveLength(0);

    const done = await fetch(approveUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'confirm=yes',
    });
    expect(done.status).toBe(200);
    expect(calls).toEqual([
      { approverEmail: 'alice@acme-partner.example', approverName: 'Alice Placer', requestId: 'req-42', decision: 'approve' },
    ]);
  });
});
