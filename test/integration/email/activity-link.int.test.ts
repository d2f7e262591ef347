import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityActed, ActivityView } from '../../../core/index';
import { CoreError } from '../../../core/index';
import { createEmailNotifier } from '../../../adapters/email/email-notifier';
import { activityLinkRouter } from '../../../adapters/email/links/activity-link.routes';
import type { ActivityLinkPayload } from '../../../adapters/email/links/link-signer';
import { createLinkSigner } from '../../../adapters/email/links/link-signer';
import { createMailTransport } from '../../../adapters/email/mail-transport';
import { FixedClock } from '../../fakes/fixed-clock';
import type { SmtpTestServer } from '../../fakes/smtp-test-server';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import { aSubscriber, aWorkOrder, anActivity, anActivityView } from '../../fixtures/workflow-values';

const signer = createLinkSigner('int-test-secret-int-test-secret-000004');
const clock = new FixedClock(new Date('2026-11-23T10:00:00Z'));
const logged: { level: string; fields: Record<string, unknown>; message: string }[] = [];
const log = {
  info: (fields: Record<string, unknown>, message: string) => logged.push({ level: 'info', fields, message }),
  warn: (fields: Record<string, unknown>, message: string) => logged.push({ level: 'warn', fields, message }),
  error: (fields: Record<string, unknown>, message: string) => logged.push({ level: 'error', fields, message }),
};

const decided = anActivity({
  status: 'Done',
  decidedBy: { name: 'Dave <Approver>', email: 'dave@acme.example', channel: 'slack' },
  decidedAt: new Date('2026-11-23T09:30:00Z'),
});
const released = aWorkOrder({ state: 'Released', extendedStatus: 'Being Provisioned', version: 2 });

/** What the fake core answers: the current view, and what deciding does. */
let current: ActivityView;
let decideAnswer: (link: ActivityLinkPayload) => Promise<ActivityActed>;
const decisions: ActivityLinkPayload[] = [];
const reasons: (string | undefined)[] = [];

let server: Server;
let base: string;
beforeAll(async () => {
  const app = express();
  app.use(
    activityLinkRouter({
      signer,
      clock,
      log,
      look: async () => ({ ...current, actingAs: 'Carol Approver (carol@acme.example)' }),
      decide: (link, reason) => {
        decisions.push(link);
        reasons.push(reason);
        return decideAnswer(link);
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
  decisions.length = 0;
  reasons.length = 0;
  logged.length = 0;
  clock.set('2026-11-23T10:00:00Z');
  current = anActivityView();
  decideAnswer = async (link) => ({
    activity: { ...current.activity, status: link.decision === 'approve' ? 'Done' : 'Rejected' },
    order: link.decision === 'approve' ? released : aWorkOrder({ state: 'Cancelled', extendedStatus: null, version: 2 }),
    opened: [],
  });
});

const token = (decision: 'approve' | 'reject' = 'approve', orderVersion = 1) =>
  signer.signActivity({
    activityId: 'act-1',
    decision,
    recipientEmail: 'carol@acme.example',
    orderNumber: 'WO-000123',
    orderVersion,
    expiresAt: new Date('2026-11-26T10:00:00Z'),
  });
const get = (t: string) => fetch(`${base}/links/activity/${t}`);
const post = (t: string, body = 'confirm=yes') =>
  fetch(`${base}/links/activity/${t}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

describe('activity links over HTTP', () => {
  it('GET shows the order and a confirm button, and decides nothing', async () => {
    const res = await get(token());
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(html).toContain('<h1>Approve order WO-000123?</h1>');
    expect(html).toContain('Add Enhanced Phone Service for Jane Doe (jdoe).');
    expect(html).toContain('<th scope="row">Status</th><td>Released (Waiting for Approval)</td>');
    expect(html).toContain('You are answering as Carol Approver (carol@acme.example).');
    expect(html).toMatch(/<form method="post">[\s\S]*name="confirm" value="yes"[\s\S]*<button type="submit">Approve<\/button>/);
    expect((await fetch(`${base}/links/activity/${token()}`, { method: 'HEAD' })).status).toBe(200);
    expect(decisions).toHaveLength(0);
  });

  it('POST approves as the recipient named in the link, expecting the order version of the email', async () => {
    const res = await post(token());
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('<h1>Approved</h1>');
    expect(html).toContain('You approved order WO-000123. It is now Released (Being Provisioned).');
    expect(decisions).toEqual([
      expect.objectContaining({ activityId: 'act-1', decision: 'approve', recipientEmail: 'carol@acme.example', orderVersion: 1 }),
    ]);
  });

  it('a Reject order link asks for an optional reason and rejects the order with it', async () => {
    const page = await (await get(token('reject'))).text();
    expect(page).toContain('<h1>Reject order WO-000123?</h1>');
    expect(page).toContain('Rejecting cancels the order: nothing is provisioned');
    expect(page).toMatch(
      /<label for="reason">Reason \(optional; the subscriber sees it in their email\)<\/label><br><textarea id="reason" name="reason"/,
    );
    const html = await (await post(token('reject'), 'confirm=yes&reason=No+budget+%3Cthis%3E+quarter')).text();
    expect(html).toContain('<h1>Rejected</h1>');
    expect(html).toContain('it is cancelled, and nothing will be provisioned');
    expect(decisions.map((d) => d.decision)).toEqual(['reject']);
    expect(reasons).toEqual(['No budget <this> quarter']);
  });

  it('a POST without the form marker only asks again', async () => {
    const res = await post(token(), '');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<button type="submit">Approve</button>');
    expect(decisions).toHaveLength(0);
  });

  it('once the activity is decided, GET says by whom and when, with no button, and POST changes nothing', async () => {
    current = anActivityView({ activity: decided, order: released, allowed: [] });
    const page = await (await get(token())).text();
    expect(page).toContain('Approved by Dave &lt;Approver&gt; at 2026-11-23 09:30 UTC.');
    expect(page).not.toContain('<form');
    const res = await post(token());
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('already decided');
    expect(decisions).toHaveLength(0);
  });

  it('a link built from an older order version is out of date, on GET and POST', async () => {
    current = anActivityView({
      order: aWorkOrder({ version: 3, extendedStatus: 'Waiting for Approval', requestedDeliveryDate: '2026-12-01' }),
    });
    const page = await (await get(token())).text();
    expect(page).toContain('<h1>This email is out of date</h1>');
    expect(page).toContain('<th scope="row">Requested delivery date</th><td>2026-12-01</td>');
    expect(page).not.toContain('<form');
    const res = await post(token());
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('This email is out of date');
    expect(decisions).toHaveLength(0);
  });

  it('when another channel decides between the look and the decision, says already decided', async () => {
    decideAnswer = async () => {
      current = anActivityView({ activity: decided, order: released, allowed: [] });
      throw new CoreError('STALE', { orderNumber: 'WO-000123', currentVersion: 2 });
    };
    const res = await post(token());
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Approved by Dave &lt;Approver&gt;');
  });

  it('refuses someone who may not decide, without a button', async () => {
    current = anActivityView({ allowed: [] });
    const res = await get(token());
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('<h1>You can&#39;t approve order WO-000123 now</h1>');
    expect(html).not.toContain('<form');
    expect((await post(token())).status).toBe(403);
    expect(decisions).toHaveLength(0);
  });

  it("shows the core's refusal in its words", async () => {
    decideAnswer = async () => {
      throw new CoreError('NOT_AUTHORIZED', {
        action: 'approve order WO-000123',
        reason: 'you do not have the Approval role in acme.example',
      });
    };
    const res = await post(token());
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('You can&#39;t approve order WO-000123: you do not have the Approval role in acme.example.');
  });

  it('refuses a tampered or malformed token with 400 and decides nothing', async () => {
    const good = token();
    const tampered = good.slice(0, 10) + (good[10] === 'a' ? 'b' : 'a') + good.slice(11);
    const accessToken = signer.sign({
      requestId: 'act-1',
      decision: 'approve',
      approverEmail: 'carol@acme.example',
      expiresAt: new Date('2026-11-26T10:00:00Z'),
    });
    for (const t of [tampered, 'not-a-token', `${good}x`, accessToken]) {
      for (const res of [await get(t), await post(t)]) {
        expect(res.status).toBe(400);
        expect(await res.text()).toContain('This link is not valid');
      }
    }
    expect(decisions).toHaveLength(0);
    expect(JSON.stringify(logged)).not.toContain(good.slice(0, 20));
  });

  it('refuses an expired link with 410 and decides nothing', async () => {
    const t = token();
    clock.set('2026-11-26T10:00:00Z');
    for (const res of [await get(t), await post(t)]) {
      expect(res.status).toBe(410);
      expect(await res.text()).toContain('Approval links in email work for 72 hours.');
    }
    expect(decisions).toHaveLength(0);
  });

  it('answers 500 with a ref, and no internals, when deciding throws', async () => {
    decideAnswer = async () => {
      throw new Error('database is locked');
    };
    const res = await post(token());
    const html = await res.text();
    expect(res.status).toBe(500);
    expect(html).not.toContain('database is locked');
    const ref = /ref ([0-9a-f]{8})/.exec(html)?.[1];
    expect(logged).toContainEqual(
      expect.objectContaining({ level: 'error', fields: expect.objectContaining({ ref, activityId: 'act-1' }) }),
    );
  });

  it('refuses an oversized body without deciding', async () => {
    const res = await post(token(), `confirm=yes&pad=${'x'.repeat(17 * 1024)}`);
    expect(res.status).toBe(413);
    expect(decisions).toHaveLength(0);
  });

  it('escapes what the core returns', async () => {
    current = anActivityView({ subscriber: aSubscriber({ firstName: '<script>alert(1)</script>' }) });
    const html = await (await get(token())).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('approval email to decision, through a real SMTP server', () => {
  let smtp: SmtpTestServer;
  beforeEach(async () => {
    smtp = await startSmtpTestServer();
  });
  afterEach(() => smtp.stop());

  it('the delivered Approve link confirms on GET and approves on POST', async () => {
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
      to: 'carol@acme.example',
      asUser: true,
      notice: { kind: 'activity', activity: anActivity(), order: aWorkOrder(), subscriber: aSubscriber(), escalatedAfterMinutes: null },
      smtp: null,
      idempotencyKey: 'activity:act-1:carol',
      linkBase: null,
    });
    await transport.close();

    const email = await smtp.waitFor((m) => m.envelope.to.includes('carol@acme.example'));
    expect(email.headers.subject).toBe('Approval needed: order WO-000123 (Add Enhanced Phone Service for Jane Doe (jdoe))');
    const approveUrl = /Approve: (\S+)/.exec(email.text ?? '')?.[1];
    expect(approveUrl).toMatch(new RegExp(`^${base}/links/activity/`));
    expect(email.html).toContain(`href="${approveUrl}"`);

    expect(await (await fetch(approveUrl!)).text()).toContain('Approve order WO-000123?');
    expect(decisions).toHaveLength(0);
    const done = await fetch(approveUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'confirm=yes',
    });
    expect(done.status).toBe(200);
    expect(decisions).toEqual([
      expect.objectContaining({ activityId: 'act-1', decision: 'approve', recipientEmail: 'carol@acme.example' }),
    ]);
  });
});
