import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmailNotifier, SmtpSettings } from '../../../core/index';
import { DeliveryRefused } from '../../../core/index';
import type { ClosableEmailNotifier } from '../../../adapters/email/email-notifier';
import { createEmailNotifier } from '../../../adapters/email/email-notifier';
import { createLinkSigner } from '../../../adapters/email/links/link-signer';
import type { MailTransport } from '../../../adapters/email/mail-transport';
import { createMailTransport } from '../../../adapters/email/mail-transport';
import { FixedClock } from '../../fakes/fixed-clock';
import type { SmtpTestServer } from '../../fakes/smtp-test-server';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import { aSubscriber, aWorkOrder, anActivity } from '../../fixtures/workflow-values';

/**
 * Notices and test emails through the SMTP settings of "Configuring Domain
 * Notification" (server, port, user, password, From), against a real SMTP server on
 * loopback that requires a login.
 */
const USER = 'acme-mailer';
const PASSWORD = 'c0rrect-h0rse';
const signer = createLinkSigner('int-test-secret-int-test-secret-000006');
const clock = new FixedClock(new Date('2026-11-23T10:00:00Z'));

let server: SmtpTestServer;
let botServer: SmtpTestServer;
let botTransport: MailTransport;
let notifier: ClosableEmailNotifier;
let settings: SmtpSettings;

beforeEach(async () => {
  server = await startSmtpTestServer({ auth: { user: USER, pass: PASSWORD } });
  botServer = await startSmtpTestServer();
  botTransport = createMailTransport({ kind: 'smtp', url: botServer.url, timeoutMs: 2000 });
  notifier = createEmailNotifier({
    transport: botTransport,
    from: 'provbot <provbot@partner.example>',
    publicUrl: 'https://provbot.example',
    adminPortalUrl: 'https://admin.webex.com',
    links: signer,
    clock,
    smtpTimeoutMs: 2000,
  });
  settings = {
    host: '127.0.0.1',
    port: server.port,
    user: USER,
    password: PASSWORD,
    from: 'Acme provisioning <provisioning@acme.example>',
  };
});
afterEach(async () => {
  await notifier.close();
  await botTransport.close();
  await Promise.all([server.stop(), botServer.stop()]);
});

const approval = (overrides: Partial<Parameters<EmailNotifier['sendNotice']>[0]> = {}): Parameters<EmailNotifier['sendNotice']>[0] => ({
  to: 'carol@acme.example',
  asUser: true,
  notice: { kind: 'activity', activity: anActivity(), order: aWorkOrder(), subscriber: aSubscriber(), escalatedAfterMinutes: null },
  smtp: settings,
  idempotencyKey: 'activity:act-1:email:carol@acme.example',
  linkBase: 'https://prov.acme.example',
  ...overrides,
});

/** A port on loopback where nothing listens. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('notices through domain SMTP settings', () => {
  it('logs in with the user and password and sends from the settings’ From address, links at the content URL', async () => {
    await notifier.sendNotice(approval());
    const received = await server.waitFor((m) => m.envelope.to.includes('carol@acme.example'));
    expect(received.envelope.from).toBe('provisioning@acme.example');
    expect(received.headers.from).toBe('Acme provisioning <provisioning@acme.example>');
    expect(received.headers.subject).toBe('Approval needed: order WO-000123 (Add Enhanced Phone Service for Jane Doe (jdoe))');
    expect(received.headers['x-provbot-delivery']).toBe('activity:act-1:email:carol@acme.example');
    expect(received.text).toMatch(/Approve: https:\/\/prov\.acme\.example\/links\/activity\/\S+/);
    expect(botServer.messages).toHaveLength(0);
  });

  it('sends with the bot’s own mail settings when no SMTP settings are given', async () => {
    await notifier.sendNotice(approval({ smtp: null }));
    const received = await botServer.waitFor((m) => m.envelope.to.includes('carol@acme.example'));
    expect(received.envelope.from).toBe('provbot@partner.example');
    expect(server.messages).toHaveLength(0);
  });

  it('gives a retried delivery the same Message-ID, and another delivery another', async () => {
    server.failWith(451, 'Try again later', 1);
    const first = await notifier.sendNotice(approval()).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(Error);
    expect(first).not.toBeInstanceOf(DeliveryRefused);
    expect((first as Error).message).toBe(
      `Could not send the email: the mail server at 127.0.0.1:${server.port} refused the message (SMTP 451)`,
    );
    await notifier.sendNotice(approval());
    await notifier.sendNotice(approval());
    await notifier.sendNotice(approval({ idempotencyKey: 'activity:act-1:email:dave@acme.example' }));
    const ids = server.messages.map((m) => m.headers['message-id']);
    expect(ids).toHaveLength(3);
    expect(ids[0]).toMatch(/^<[0-9a-f]{32}@provbot>$/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('makes a 550 for the mailbox a permanent refusal, in the server’s words', async () => {
    server.refuseRecipient('gone@acme.example', 550, 'Mailbox unavailable');
    const error = await notifier.sendNotice(approval({ to: 'gone@acme.example' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryRefused);
    expect(error).toMatchObject({ permanent: true, retryAfterMs: null });
    expect((error as Error).message).toContain('refused the recipient (SMTP 550)');
    expect((error as Error).message).not.toContain(PASSWORD);
    await notifier.sendNotice(approval());
    expect(server.messages.map((m) => m.envelope.to)).toEqual([['carol@acme.example']]);
  });

  it('reports a server that stopped accepting as a failure to retry, and goes through once it is back', async () => {
    await server.pause();
    const error = await notifier.sendNotice(approval()).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(DeliveryRefused);
    expect((error as Error).message).toBe(
      `Could not send the email: the mail server at 127.0.0.1:${server.port} is unreachable: connection refused`,
    );
    await server.resume();
    await notifier.sendNotice(approval());
    expect(server.messages).toHaveLength(1);
  });
});

describe('Send test email', () => {
  it('sends a test email with the settings as entered, naming the server but never the password', async () => {
    await notifier.sendTestEmail({ to: 'admin@acme.example', smtp: settings, scope: 'acme.example' });
    const received = await server.waitFor((m) => m.envelope.to.includes('admin@acme.example'));
    expect(received.headers.subject).toBe('provbot test email: acme.example notification settings');
    expect(received.text).toContain(`Mail server: smtp://${USER}:***@127.0.0.1:${server.port}`);
    expect(received.raw).not.toContain(PASSWORD);
  });

  it("rejects with the server's reply to a wrong password, without the password", async () => {
    const wrong = 'wr0ng-passw0rd';
    const error = (await notifier
      .sendTestEmail({ to: 'admin@acme.example', smtp: { ...settings, password: wrong }, scope: 'system' })
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(`Could not send the email: the mail server at 127.0.0.1:${server.port} refused the login (SMTP 535)`);
    expect(error.message).not.toContain(wrong);
    expect(server.messages).toHaveLength(0);
  });

  it('rejects naming the host and port when nothing listens there', async () => {
    const port = await closedPort();
    const error = (await notifier
      .sendTestEmail({ to: 'admin@acme.example', smtp: { ...settings, port }, scope: 'system' })
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(`Could not send the email: the mail server at 127.0.0.1:${port} is unreachable: connection refused`);
  });
});
