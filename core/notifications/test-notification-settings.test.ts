import { describe, expect, it } from 'vitest';
import { settingsHarness } from '../../test/fakes/settings-harness';

const SYSTEM_SMTP = { host: 'mx.provbot.example', port: 25, user: 'bot', password: 'sys-pass-1234', from: 'bot@provbot.example' };

async function withSystemSmtp() {
  const h = await settingsHarness();
  await h.core.setSystemNotifications({ actor: h.ada, change: { kind: 'smtp', edits: SYSTEM_SMTP } });
  return h;
}

describe('testNotificationSettings', () => {
  it('"Send test email" with the saved settings and the values entered over them, and saves nothing', async () => {
    const h = await withSystemSmtp();
    const before = h.stored();
    const result = await h.core.testNotificationSettings({ actor: h.ada, to: 'Me@Provbot.example', scope: { kind: 'system' }, smtp: { port: 2525 } });
    expect(result).toEqual({ to: 'me@provbot.example', scope: 'the system', server: 'mx.provbot.example:2525', ok: true, error: null });
    expect(h.deps.email.testEmails).toEqual([{ to: 'me@provbot.example', smtp: { ...SYSTEM_SMTP, port: 2525 }, scope: 'the system' }]);
    // "a successful test will not automatically save the settings"
    expect(h.stored()).toEqual(before);
  });

  it("tests a domain through its own SMTP override, else the system's", async () => {
    const h = await withSystemSmtp();
    await h.core.testNotificationSettings({ actor: h.dora, to: 'dora@acme.example', scope: { kind: 'domain', domain: 'acme.example' } });
    await h.core.setDomainNotifications({ actor: h.dora, domain: 'acme.example', change: { kind: 'smtp', edits: { host: 'mx.acme.example', from: 'p@acme.example' } } });
    await h.core.testNotificationSettings({ actor: h.dora, to: 'dora@acme.example', scope: { kind: 'domain', domain: 'acme.example' } });
    expect(h.deps.email.testEmails.map((e) => [e.smtp?.host, e.scope])).toEqual([
      ['mx.provbot.example', 'acme.example'],
      ['mx.acme.example', 'acme.example'],
    ]);
  });

  it("reports the SMTP server's own words when it fails, without the password even if the server echoes it", async () => {
    const h = await withSystemSmtp();
    h.deps.email.failWith = '535 5.7.8 Authentication failed for bot / sys-pass-1234';
    const result = await h.core.testNotificationSettings({ actor: h.ada, to: 'me@provbot.example', scope: { kind: 'system' } });
    expect(result).toMatchObject({ ok: false, server: 'mx.provbot.example:25', error: '535 5.7.8 Authentication failed for bot / ********' });
  });

  it('refuses a bad address or bad SMTP values before sending anything', async () => {
    const h = await withSystemSmtp();
    await expect(h.core.testNotificationSettings({ actor: h.ada, to: 'me', scope: { kind: 'system' } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: ['Send test email to: "me" is not an email address'] },
    });
    await expect(h.core.testNotificationSettings({ actor: h.ada, to: 'me@provbot.example', scope: { kind: 'system' }, smtp: { port: 0 } })).rejects.toMatchObject({
      details: { issues: ['SMTP port: must be a port number from 1 to 65535'] },
    });
    expect(h.deps.email.testEmails).toEqual([]);
  });

  it("lets a domain's Administrator test their domain, not the system", async () => {
    const h = await withSystemSmtp();
    await expect(h.core.testNotificationSettings({ actor: h.dora, to: 'dora@acme.example', scope: { kind: 'system' } })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { action: 'test the notification settings of the system' },
    });
    expect(h.deps.email.testEmails).toEqual([]);
  });
});
