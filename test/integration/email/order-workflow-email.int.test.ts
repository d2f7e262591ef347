import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkSigner, isLinkError } from '../../../adapters/email/links/link-signer';
import type { ActivityLinkPayload } from '../../../adapters/email/links/link-signer';
import type { ReceivedMessage, SmtpTestServer } from '../../fakes/smtp-test-server';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import type { TestBot } from '../../fakes/test-bot';
import { startTestBot } from '../../fakes/test-bot';

/**
 * The order workflow's email through the real bot: orders placed on the API, mail
 * delivered to a real SMTP server, links followed over HTTP, results read back from
 * the API. PUBLIC_URL is a name the links must carry; the test fetches their path
 * from the bot's ephemeral port.
 */
const PUBLIC_URL = 'https://provbot.example';
const SECRET = 'int-test-secret-int-test-secret-000005';
const DOMAIN = 'acme.example';
const JANE = {
  login: 'jdoe',
  domain: DOMAIN,
  firstName: 'Jane',
  lastName: 'Doe',
  email: 'jane.doe@acme.example',
  phoneNumber: '5551234',
  department: 'Sales',
};
const ANN = { email: 'ann.approver@acme.example', name: 'Ann Approver', roles: [{ role: 'Approval', domain: DOMAIN }] };

let smtp: SmtpTestServer;
let bot: TestBot;
let macs = 0;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  bot = await startTestBot({ SMTP_URL: smtp.url, PUBLIC_URL, LINK_SECRET: SECRET, MAIL_FROM: 'provbot <provbot@partner.example>' });
  expect((await bot.api('POST', '/api/users', ANN)).status).toBe(200);
  expect((await bot.api('POST', '/api/subscribers', JANE)).status).toBe(201);
  const rules = await bot.api('PUT', `/api/domains/${DOMAIN}/rules`, {
    isAuthorizationRequiredForAddOrder: true,
    phoneAssignmentDoneBy: null,
  });
  expect(rules.status).toBe(200);
});
afterAll(async () => {
  await bot?.stop();
  await smtp?.stop();
});

/** Places a Phone for Jane and returns its number and the approval email Ann receives. */
async function placeWorkOrder(): Promise<{ number: string; email: ReceivedMessage }> {
  const macAddress = `00AABBCC${String(++macs).padStart(4, '0')}`;
  const placed = await bot.api('POST', '/api/work-orders', {
    subscriberLogin: 'jdoe',
    orderable: 'Phone',
    attributes: { Phone: { phoneType: '7945', macAddress } },
  });
  expect(placed.status).toBe(201);
  const number: string = placed.body.order.number;
  const email = await smtp.waitFor((m) => m.envelope.to.includes(ANN.email) && (m.headers.subject ?? '').includes(number), 5000);
  return { number, email };
}

const linkIn = (email: ReceivedMessage, label: 'Approve' | 'Reject order') => {
  const url = new RegExp(`${label}: (\\S+)`).exec(email.text ?? '')?.[1];
  expect(url?.startsWith(`${PUBLIC_URL}/links/activity/`)).toBe(true);
  return `${bot.url}${new URL(url!).pathname}`;
};
const confirm = (url: string, fields: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ confirm: 'yes', ...fields }).toString(),
  });
const workOrder = async (number: string) => (await bot.api('GET', `/api/work-orders/${number}`)).body;
const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

describe('order workflow email, through the real bot and a real SMTP server', () => {
  it('emails the approver working links: GET decides nothing, POST approves, the same link again changes nothing', async () => {
    const { number, email } = await placeWorkOrder();
    expect(email.envelope.from).toBe('provbot@partner.example');
    // Delivered by the outbox: the Message-ID comes from the delivery key, so a retry is the same mail.
    expect(email.headers['message-id']).toMatch(/^<[0-9a-f]{32}@provbot>$/);
    expect(email.headers['x-provbot-delivery']).toBeTruthy();
    expect(email.headers.subject).toBe(`Approval needed: order ${number} (Add Phone for Jane Doe (jdoe))`);
    const approve = linkIn(email, 'Approve');
    expect(email.html).toContain(`href="${PUBLIC_URL}${new URL(approve).pathname}"`);

    const page = await fetch(approve);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<h1>Approve order ${number}?</h1>`);
    expect(html).toContain('You are answering as Ann Approver (ann.approver@acme.example).');
    const before = await workOrder(number);
    expect(before.order).toMatchObject({ state: 'Released', extendedStatus: 'Waiting for Approval' });
    expect(before.activities).toEqual([expect.objectContaining({ kind: 'Approval', status: 'Open' })]);

    const done = await confirm(approve);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain(`You approved order ${number}.`);
    const after = await workOrder(number);
    expect(after.order.state).toBe('Completed');
    expect(after.activities[0]).toMatchObject({ status: 'Done', decidedBy: { name: 'Ann Approver', email: ANN.email, channel: 'email' } });

    for (const again of [await confirm(approve), await confirm(linkIn(email, 'Reject order'))]) {
      expect(again.status).toBe(409);
      const text = await again.text();
      expect(text).toContain('already decided');
      expect(text).toContain('Approved by Ann Approver at ');
    }
    const second = await fetch(approve);
    expect(await second.text()).not.toContain('<form');
    expect((await workOrder(number)).order.version).toBe(after.order.version);
  });

  it('mails the subscriber the provisioned template when the order completes', async () => {
    const { number, email } = await placeWorkOrder();
    await confirm(linkIn(email, 'Approve'));
    const outcome = await smtp.waitFor((m) => m.envelope.to.includes(JANE.email) && (m.headers.subject ?? '').includes(number), 5000);
    expect(outcome.headers.subject).toBe(`Order ${number} is complete: Add Phone`);
    expect(outcome.headers['x-provbot-kind']).toBe('order-provisioned');
    expect(outcome.text).toContain(`Order ${number} (Add Phone) is complete. These products were set up for you:`);
    expect(outcome.text).toMatch(/- Phone: Phone type 7945/);
  });

  it('a Reject order link rejects the order with the reason typed on its page; the subscriber gets it in the rejected template', async () => {
    const products = async () => (await bot.api('GET', '/api/subscribers/jdoe')).body.products as unknown[];
    const productsBefore = await products();
    const { number, email } = await placeWorkOrder();
    const link = linkIn(email, 'Reject order');
    expect(await (await fetch(link)).text()).toContain('<textarea id="reason" name="reason"');
    const rejected = await confirm(link, { reason: 'No budget for desk phones this quarter.' });
    expect(rejected.status).toBe(200);
    expect(await rejected.text()).toContain(`You rejected order ${number}`);
    const after = await workOrder(number);
    expect(after.order).toMatchObject({ state: 'Cancelled' });
    expect(after.activities[0]).toMatchObject({
      status: 'Rejected',
      decidedBy: { name: 'Ann Approver' },
      note: 'No budget for desk phones this quarter.',
    });

    const outcome = await smtp.waitFor((m) => m.envelope.to.includes(JANE.email) && (m.headers.subject ?? '').includes(number), 5000);
    expect(outcome.headers.subject).toBe(`Order ${number} was rejected: Add Phone`);
    expect(outcome.headers['x-provbot-kind']).toBe('order-rejected');
    expect(outcome.text).toContain('Nothing was provisioned: the order is cancelled');
    expect(outcome.text).toContain('Reason given: No budget for desk phones this quarter.');
    expect(await products()).toEqual(productsBefore);
  });

  it('refuses a tampered and an expired token and changes nothing', async () => {
    const { number, email } = await placeWorkOrder();
    const approve = linkIn(email, 'Approve');
    const before = await workOrder(number);

    const token = tokenOf(approve);
    const i = token.indexOf('.') + 3;
    const tampered =
      approve.slice(0, approve.length - token.length) + token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    for (const res of [await fetch(tampered), await confirm(tampered)]) {
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('This link is not valid');
    }

    const signer = createLinkSigner(SECRET);
    const link = signer.verifyActivity(token, new Date()) as ActivityLinkPayload;
    expect(isLinkError(link)).toBe(false);
    const expired = `${bot.url}/links/activity/${signer.signActivity({ ...link, expiresAt: new Date(Date.now() - 1000) })}`;
    for (const res of [await fetch(expired), await confirm(expired)]) {
      expect(res.status).toBe(410);
      expect(await res.text()).toContain('This link has expired');
    }
    expect(await workOrder(number)).toEqual(before);
  });

  it('refuses a link whose order changed since the email as out of date, and changes nothing', async () => {
    const { number, email } = await placeWorkOrder();
    const approve = linkIn(email, 'Approve');
    // Ann accepts the approval in chat: the order moves on a version, so the email's links are stale.
    const { activities } = await workOrder(number);
    const actor = await bot.core.identifyEmailUser(ANN.email);
    await bot.core.actOnActivity({ actor, activityId: activities[0].id, action: { kind: 'accept' } });
    const before = await workOrder(number);

    const page = await fetch(approve);
    expect(await page.text()).toContain('This email is out of date');
    const res = await confirm(approve);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain(`Order ${number} changed after this email was sent`);
    const after = await workOrder(number);
    expect(after).toEqual(before);
    expect(after.activities[0]).toMatchObject({ status: 'Accepted', decidedBy: null });
  });
});
