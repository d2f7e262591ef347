import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import type { SmtpTestServer } from '../../fakes/smtp-test-server';
import { startSlackE2E, U, visibleText } from './slack-e2e-harness';
import type { SlackE2E } from './slack-e2e-harness';

const SUPPORT = 'provisioning-support@cisco.example';
let smtp: SmtpTestServer;
let h: SlackE2E;
let orders = 0;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  h = await startSlackE2E({ SMTP_URL: smtp.url, SUPPORT_EMAIL: SUPPORT, SUPPORT_URL: 'https://www.cisco.com/go/cs' });
  await h.seedUsers();
}, 30_000);
afterAll(async () => {
  await h?.stop();
  await smtp?.stop();
});

async function ask(user: (typeof U)[keyof typeof U], text: string) {
  const sent = await h.command(user, text);
  expect(sent.status).toBe(200);
  return visibleText((await h.reply(sent.responseUrl)).body);
}
const casesOf = async (number: string) => (await h.core.getOrderHistory({ actor: await h.actor(U.alice), orderNumber: number })).cases;
const supportMails = (number: string) =>
  smtp.messages.filter((m) => m.envelope.to.includes(SUPPORT) && m.headers.subject?.includes(number));

describe('/prov case in Slack', () => {
  it('opens a case from a signed command: support receives the order, the lines, the contact and the history', async () => {
    const number = `ORD-CASE-${++orders}`;
    await h.seedOrder(number, [], 2);
    await ask(U.alice, `resend ${number} 2`);
    expect((await h.snapshot(number)).history[0]).toMatchObject({ kind: 'resend', status: 'Sent' });

    const text = await ask(U.alice, `case ${number} 2 The contact still has no email after the resend.`);

    expect(text).toMatch(new RegExp(`Support case CASE-\\d+ opened for order ${number}`));
    expect(text).toContain(`I emailed the case to ${SUPPORT}`);
    expect(text).toMatch(/Type of request\W+Resend Provisioning Email/);
    expect(text).toContain('https://www.cisco.com/go/cs');
    const mail = await smtp.waitFor((m) => m.envelope.to.includes(SUPPORT) && !!m.headers.subject?.includes(number), 10_000);
    expect(mail.headers.subject).toMatch(new RegExp(`^CASE-\\d+: Resend Provisioning Email, order ${number}$`));
    expect(mail.text).toContain('What happened: The contact still has no email after the resend.');
    expect(mail.text).toContain('Line 2 (Product 2): Awaiting Provisioning Details; provisioning contact it2@customer.example');
    expect(mail.text).toContain('Transaction Manager history');
    expect(mail.text).toMatch(/Resend · line 2 · Sent/);
    expect(mail.text).not.toContain('Line 1 (Product 1)');

    const history = await ask(U.alice, `history ${number}`);
    expect(history).toMatch(/Support case CASE-\d+ · line 2/);
  });

  it('refuses bad input with a clear message and records nothing', async () => {
    const number = `ORD-CASE-${++orders}`;
    await h.seedOrder(number, [], 2);
    const noDescription = await ask(U.alice, `case ${number} 2`);
    expect(noDescription).toContain('Description: This is empty.');
    expect(noDescription).toContain('/prov case <order> [<line>] [resend|contact] <what happened>');
    expect(await ask(U.alice, `case ${number} 9 resend it fails`)).toContain(`Order ${number} has no line 9; its lines are 1, 2.`);
    expect(await ask(U.alice, `case ${number} 1 nothing was tried`)).toContain('say whether the case is about resending');
    expect(await ask(U.alice, `case ${number} 1 resend ${'x'.repeat(2001)}`)).toContain('That command is too long');
    expect(await casesOf(number)).toEqual([]);
    expect(supportMails(number)).toEqual([]);
  });

  it('offers a case in the refusal past the point of no return, and the case can still be opened there', async () => {
    const number = `ORD-CASE-${++orders}`;
    await h.seedOrder(number, [1], 2);
    const refusal = await ask(U.alice, `resend ${number} 1`);
    expect(refusal).toContain(`If you are still stuck, open a support case: "case ${number} <what happened>"`);
    expect(await ask(U.alice, `case ${number} 1 resend The admin cannot find the setup email.`)).toContain('Support case CASE-');
  });

  it('asks the placer when an outsider opens a case, and opens nothing yet', async () => {
    const number = `ORD-CASE-${++orders}`;
    await h.seedOrder(number, [], 2);
    const text = await ask(U.bob, `case ${number} 1 contact The partner portal will not let us edit the contact.`);
    expect(text).toContain('so I sent a request to the person who placed it');
    expect(await casesOf(number)).toEqual([]);
  });
});
