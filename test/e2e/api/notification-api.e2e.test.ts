import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import type { SmtpTestServer } from '../../fakes/smtp-test-server';
import { startBannerServer, SSH_BANNER } from '../../fakes/tcp-banner-server';
import { startTestBot } from '../../fakes/test-bot';
import type { TestBot } from '../../fakes/test-bot';

const DOMAIN = 'acme.example';
const APPROVER = { email: 'ann.approver@acme.example', name: 'Ann Approver', roles: [{ role: 'Approval', domain: DOMAIN }] };
const SMTP_AUTH = { user: 'notify', pass: 'smtp-pass-0042' };

let bot: TestBot;
let smtp: SmtpTestServer;
beforeAll(async () => {
  smtp = await startSmtpTestServer({ auth: SMTP_AUTH });
}, 30_000);
afterAll(async () => {
  await smtp?.stop();
});
// The system settings and the template are one per bot and most tests save them: each test
// gets a fresh bot, so it sees the defaults whatever ran before it.
beforeEach(async () => {
  bot = await startTestBot();
  expect((await bot.api('POST', '/api/users', APPROVER)).status).toBe(200);
}, 30_000);
afterEach(async () => {
  await bot?.stop();
});

/** Saves the system SMTP server with its password, as an administrator would first. */
const saveSystemSmtp = async () =>
  (await bot.api('PUT', '/api/notifications/system', { ...(await bot.api('GET', '/api/notifications/system')).body, smtp: systemSmtp() }))
    .body;

const systemSmtp = () => ({
  host: '127.0.0.1',
  port: smtp.port,
  user: SMTP_AUTH.user,
  password: SMTP_AUTH.pass,
  from: 'provbot@acme.example',
});

describe('notification settings API through the real server', () => {
  it('needs the bearer token', async () => {
    expect((await bot.api('GET', '/api/notifications/system', undefined, null)).status).toBe(401);
    expect((await bot.api('PUT', `/api/notifications/domains/${DOMAIN}`, {}, 'wrong-token')).status).toBe(401);
  });

  it('saves the system settings; GET shows the password as set, never its value, and a PUT of what GET gave keeps it', async () => {
    const system = (await bot.api('GET', '/api/notifications/system')).body;
    expect(system).toMatchObject({
      scope: 'system',
      smtp: null,
      contentUrl: null,
      billingReminderDays: 3,
      administration: { events: ['order-failure', 'delivery-failure'] },
    });

    const put = await bot.api('PUT', '/api/notifications/system', {
      ...system,
      smtp: systemSmtp(),
      contentUrl: { protocol: 'https', host: 'prov.acme.example', port: null },
    });
    expect(put.status).toBe(200);
    expect(put.body.smtp).toEqual({ host: '127.0.0.1', port: smtp.port, user: 'notify', passwordSet: true, from: 'provbot@acme.example' });
    const shown = await bot.api('GET', '/api/notifications/system');
    expect(JSON.stringify(shown.body)).not.toContain(SMTP_AUTH.pass);

    const again = await bot.api('PUT', '/api/notifications/system', { ...shown.body, billingReminderDays: 7 });
    expect(again.body).toMatchObject({ billingReminderDays: 7, smtp: { passwordSet: true } });
    // The kept password still works: the server accepts the test only with it.
    const test = await bot.api('POST', '/api/notifications/test', { to: 'admin@acme.example', scope: 'system' });
    expect(test).toMatchObject({ status: 200, body: { ok: true, to: 'admin@acme.example', server: `127.0.0.1:${smtp.port}` } });
    const received = await smtp.waitFor((m) => m.envelope.to.includes('admin@acme.example'));
    expect(received.envelope.from).toBe('provbot@acme.example');
  });

  it("sends a test email with values entered and reports the server's refusal; nothing entered is saved", async () => {
    expect((await saveSystemSmtp()).smtp).toMatchObject({ passwordSet: true });
    const before = (await bot.api('GET', '/api/notifications/system')).body;
    const wrong = await bot.api('POST', '/api/notifications/test', { to: 'admin@acme.example', smtp: { password: 'not-the-password' } });
    expect(wrong.status).toBe(200);
    expect(wrong.body).toMatchObject({ ok: false, scope: 'the system' });
    expect(wrong.body.error).toBe(`Could not send the email: the mail server at 127.0.0.1:${smtp.port} refused the login (SMTP 535)`);
    expect((await bot.api('GET', '/api/notifications/system')).body).toEqual(before);
  });

  it('saves a domain from its whole document, and answers 400 naming each bad field with nothing saved', async () => {
    const shown = (await bot.api('GET', `/api/notifications/domains/${DOMAIN}`)).body;
    expect(shown).toMatchObject({
      domain: DOMAIN,
      followsTemplate: true,
      systemUsers: { Approval: [{ name: 'Ann Approver', email: APPROVER.email }] },
    });
    const groups = {
      ...shown.groups,
      Approval: { ...shown.groups.Approval, externalEmails: ['lead@acme.example'], aggregationMinutes: 30, escalationMinutes: 240 },
    };
    const put = await bot.api('PUT', `/api/notifications/domains/${DOMAIN}`, { ...shown, groups });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      followsTemplate: false,
      groups: { Approval: { externalEmails: ['lead@acme.example'], aggregationMinutes: 30, escalationMinutes: 240 } },
    });

    const bad = {
      ...put.body,
      smtp: { host: 'mx.acme.example', port: 70000, from: 'nope' },
      groups: { ...groups, Shipping: { ...groups.Shipping, aggregationMinutes: 20_000 } },
    };
    const refused = await bot.api('PUT', `/api/notifications/domains/${DOMAIN}`, bad);
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([
      { field: 'smtp.port', message: 'Must be a port number from 1 to 65535.' },
      { field: 'smtp.from', message: '"nope" is not an email address.' },
      { field: 'groups.Shipping.aggregationMinutes', message: 'Must be at most a week (10080 minutes), or off.' },
    ]);
    expect(refused.body.details.issues).toEqual([
      'SMTP port: Must be a port number from 1 to 65535.',
      'SMTP from address: "nope" is not an email address.',
      'Shipping group aggregation window: Must be at most a week (10080 minutes), or off.',
    ]);
    expect((await bot.api('GET', `/api/notifications/domains/${DOMAIN}`)).body).toEqual(put.body);
  });

  it('saves the template for new domains only unless applyTo is all, and refuses SMTP in it', async () => {
    const template = (await bot.api('GET', '/api/notifications/template')).body;
    const groups = { ...template.groups, Receiving: { ...template.groups.Receiving, aggregationMinutes: 60 } };
    const saved = await bot.api('PUT', '/api/notifications/template', { groups });
    expect(saved).toMatchObject({ status: 200, body: { applyTo: 'template', existingDomains: [DOMAIN] } });
    expect((await bot.api('GET', `/api/notifications/domains/${DOMAIN}`)).body.groups.Receiving.aggregationMinutes).toBeNull();
    expect((await bot.api('GET', '/api/notifications/domains/new.example')).body).toMatchObject({
      followsTemplate: true,
      groups: { Receiving: { aggregationMinutes: 60 } },
    });

    await bot.api('PUT', '/api/notifications/template', { groups, applyTo: 'all' });
    expect((await bot.api('GET', `/api/notifications/domains/${DOMAIN}`)).body.groups.Receiving.aggregationMinutes).toBe(60);

    const refused = await bot.api('PUT', '/api/notifications/template', { groups, smtp: systemSmtp() });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([{ field: 'smtp', message: expect.stringMatching(/cannot be changed in the Domain template/) }]);
  });

  it('answers 400 for a body that is not an object, and for a domain that is not one', async () => {
    expect((await bot.api('PUT', '/api/notifications/system', [1, 2])).status).toBe(400);
    expect((await bot.api('GET', '/api/notifications/domains/not_a_domain')).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'domain', message: 'A domain looks like acme.example.' }],
    });
  });
});

describe('the saved SMTP password stays with its server', () => {
  it('is not sent to another server a test names: 400 asking for the password, and that server sees no login', async () => {
    expect(
      (
        await bot.api('PUT', '/api/notifications/system', {
          ...(
            await bot.api('GET', '/api/notifications/system')
          ).body,
          smtp: systemSmtp(),
        })
      ).status,
    ).toBe(200);
    const other = await startSmtpTestServer({ auth: { user: 'anyone', pass: 'anything' } });
    try {
      for (const scope of ['system', DOMAIN]) {
        const test = await bot.api('POST', '/api/notifications/test', {
          to: 'admin@acme.example',
          scope,
          smtp: { host: '127.0.0.1', port: other.port },
        });
        expect(test.status).toBe(400);
        expect(test.body.fields).toEqual([
          { field: 'smtp.password', message: expect.stringMatching(/^Type it to test another server, port or user name/) },
        ]);
      }
      // Typed for that server, it goes there: the test is the administrator's own.
      const typed = await bot.api('POST', '/api/notifications/test', {
        to: 'admin@acme.example',
        smtp: { host: '127.0.0.1', port: other.port, user: 'anyone', password: 'anything' },
      });
      expect(typed.body).toMatchObject({ ok: true });
      expect(other.logins).toEqual([{ user: 'anyone', pass: 'anything' }]);
    } finally {
      await other.stop();
    }
  });

  it('is cleared when the settings are saved with another server and no password', async () => {
    const shown = await saveSystemSmtp();
    const moved = await bot.api('PUT', '/api/notifications/system', { ...shown, smtp: { ...shown.smtp, port: smtp.port + 1 } });
    expect(moved.body.smtp).toMatchObject({ port: smtp.port + 1, passwordSet: false });
    const back = await bot.api('PUT', '/api/notifications/system', { ...moved.body, smtp: { ...moved.body.smtp, port: smtp.port } });
    expect(back.body.smtp).toMatchObject({ port: smtp.port, passwordSet: false });
  });
});

describe('"Send test email" reports outcomes in words', () => {
  it('says another kind of service is not an SMTP server, never repeating its banner', async () => {
    await saveSystemSmtp(); // the from address and the rest come from the saved settings
    const ssh = await startBannerServer();
    try {
      const test = await bot.api('POST', '/api/notifications/test', {
        to: 'admin@acme.example',
        smtp: { host: '127.0.0.1', port: ssh.port, user: null },
      });
      expect(test).toMatchObject({ status: 200, body: { ok: false, server: `127.0.0.1:${ssh.port}` } });
      expect(test.body.error).toBe(
        `Could not send the email: the mail server at 127.0.0.1:${ssh.port} is not an SMTP server (it did not greet as one)`,
      );
      expect(JSON.stringify(test.body)).not.toContain(SSH_BANNER.slice(0, 7));
    } finally {
      await ssh.stop();
    }
  });
});

describe('the outbox through the API and /healthz', () => {
  it('shows what waits and what died, and re-queues the dead on request', async () => {
    const summary = await bot.api('GET', '/api/notifications/deliveries');
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ pending: expect.any(Number), due: expect.any(Number), dead: 0 });
    const health = (await fetch(`${bot.url}/healthz`).then((r) => r.json())) as { outbox: unknown };
    expect(health.outbox).toMatchObject({ dead: 0 });
    expect(await bot.api('POST', '/api/notifications/deliveries/retry-dead')).toEqual({ status: 200, body: { requeued: 0 } });
    expect((await bot.api('POST', '/api/notifications/deliveries/retry-dead', undefined, null)).status).toBe(401);
  });
});
