import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmailNotifier } from '../../../adapters/email/email-notifier';
import { anOrder } from '../../fixtures/core-values';
import { createLinkSigner } from '../../../adapters/email/links/link-signer';
import { createMailTransport } from '../../../adapters/email/mail-transport';
import type { MailTransport } from '../../../adapters/email/mail-transport';
import type { SmtpTestServer } from '../../fakes/smtp-test-server';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import { startBannerServer } from '../../fakes/tcp-banner-server';

const mail = (to = 'it@customer.example') => ({
  from: 'provbot <provbot@partner.example>',
  to,
  subject: 'Hello',
  text: 'Body',
  html: '<p>Body</p>',
});

describe('SMTP transport against a real SMTP server', () => {
  let server: SmtpTestServer;
  let transport: MailTransport;
  beforeEach(async () => {
    server = await startSmtpTestServer();
    transport = createMailTransport({ kind: 'smtp', url: server.url, timeoutMs: 2000 });
  });
  afterEach(async () => {
    await transport.close();
    await server.stop();
  });

  it('delivers the provisioning email with the right envelope, headers and body', async () => {
    const notifier = createEmailNotifier({
      transport,
      from: 'provbot <provbot@partner.example>',
      publicUrl: 'http://127.0.0.1:3978',
      adminPortalUrl: 'https://admin.webex.com',
      links: createLinkSigner('int-test-secret-int-test-secret-000001'),
    });
    const order = anOrder({ offer: 'Collaboration Flex Plan', placedBy: { name: 'Zoë Placer', email: 'zoe@acme-partner.example' } });
    await notifier.sendNotice({
      to: 'it@customer.example',
      asUser: false,
      notice: { kind: 'provisioning-email', order, line: order.lines[1]! },
      smtp: null,
      idempotencyKey: 'provisioning:1',
      linkBase: null,
    });

    const received = await server.waitFor((m) => m.envelope.to.includes('it@customer.example'));
    expect(received.envelope.from).toBe('provbot@partner.example');
    expect(received.headers.from).toBe('provbot <provbot@partner.example>');
    expect(received.headers.to).toBe('it@customer.example');
    expect(received.headers.subject).toBe('Set up your services: order ORD-1, line 2 (Webex Meetings)');
    expect(received.headers['auto-submitted']).toBe('auto-generated');
    expect(received.text).toContain('Subscription: Sub-100');
    expect(received.text).toContain('Sign in at https://admin.webex.com.');
    expect(received.text).toContain('within 30 days of receiving this email');
    expect(received.text).toContain('Ask Zoë Placer (zoe@acme-partner.example)');
    expect(received.html).toContain('<a href="https://admin.webex.com">https://admin.webex.com</a>');
  });

  it('verifies a reachable server', async () => {
    await expect(transport.verify()).resolves.toBeUndefined();
  });

  it('rejects with a readable error when the server refuses the message', async () => {
    server.failWith(550, 'Mailbox unavailable', 1);
    await expect(transport.send(mail())).rejects.toThrow(
      `Could not send the email: the mail server at 127.0.0.1:${server.port} refused the message (SMTP 550)`,
    );
    await transport.send(mail('second@customer.example'));
    expect(server.messages.map((m) => m.envelope.to)).toEqual([['second@customer.example']]);
  });

  it('rejects with a readable error when the server is down', async () => {
    await server.stop();
    const error = await transport.send(mail()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      `Could not send the email: the mail server at 127.0.0.1:${server.port} is unreachable: connection refused`,
    );
  });
});

describe('SMTP transport failures that must not hang or leak', () => {
  it('reports a refused login without the password', async () => {
    const server = await startSmtpTestServer({ auth: { user: 'provbot', pass: 'right-password' } });
    const transport = createMailTransport({ kind: 'smtp', url: `smtp://provbot:wrong-pa%24%24word@127.0.0.1:${server.port}` });
    try {
      const error = (await transport.send(mail()).catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(/^Could not send the email: the mail server at 127\.0\.0\.1:\d+ refused the login \(SMTP 535\)$/);
      expect(error.message).not.toMatch(/wrong-pa/);
      expect(transport.description).toBe(`smtp://provbot:***@127.0.0.1:${server.port}`);
      expect(server.messages).toHaveLength(0);
    } finally {
      await transport.close();
      await server.stop();
    }
  });

  it('says a service that is not a mail server is not one, without repeating what it answered', async () => {
    const ssh = await startBannerServer();
    const transport = createMailTransport({ kind: 'smtp', url: `smtp://user:pw-0042@127.0.0.1:${ssh.port}`, timeoutMs: 2000 });
    try {
      const error = (await transport.send(mail()).catch((e: unknown) => e)) as Error;
      expect(error.message).toBe(
        `Could not send the email: the mail server at 127.0.0.1:${ssh.port} is not an SMTP server (it did not greet as one)`,
      );
      expect(error).toMatchObject({ failure: 'not-smtp' });
    } finally {
      await transport.close();
      await ssh.stop();
    }
  });

  it('gives up on a server that accepts the connection but never greets', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as AddressInfo).port;
    const transport = createMailTransport({ kind: 'smtp', url: `smtp://127.0.0.1:${port}`, timeoutMs: 300 });
    try {
      const started = Date.now();
      await expect(transport.send(mail())).rejects.toThrow(
        /^Could not send the email: the mail server at 127\.0\.0\.1:\d+ did not answer in time/,
      );
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });
});
