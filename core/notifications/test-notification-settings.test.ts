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
    const result = await h.core.testNotificationSettings({
      actor: h.ada,
      to: 'Me@Provbot.example',
      scope: { kind: 'system' },
      smtp: { from: 'Other@Provbot.example' },
    });
    expect(result).toEqual({ to: 'me@provbot.example', scope: 'the system', server: 'mx.provbot.example:25', ok: true, error: null });
    expect(h.deps.email.testEmails).toEqual([
      { to: 'me@provbot.example', smtp: { ...SYSTEM_SMTP, from: 'other@provbot.example' }, scope: 'the system' },
    ]);
    // "a successful test will not automatically save the settings"
    expect(h.stored()).toEqual(before);
  });

  it("tests a domain through its own SMTP override, else the system's", async () => {
    const h = await withSystemSmtp();
    await h.core.testNotificationSettings({ actor: h.dora, to: 'dora@acme.example', scope: { kind: 'domain', domain: 'acme.example' } });
    await h.core.setDomainNotifications({
      actor: h.dora,
      domain: 'acme.example',
      change: { kind: 'smtp', edits: { host: 'mx.acme.example', from: 'p@acme.example' } },
    });
    await h.core.testNotificationSettings({ actor: h.dora, to: 'dora@acme.example', scope: { kind: 'domain', domain: 'acme.example' } });
    expect(h.deps.email.testEmails.map((e) => [e.smtp?.host, e.scope])).toEqual([
      ['mx.provbot.example', 'acme.example'],
      ['mx.acme.example', 'acme.example'],
    ]);
  });

  it.each([
    ['another host', { host: 'mx.attacker.example', port: 2525 }],
    ['another port', { port: 2525 }],
    ['another user name', { user: 'someone-else' }],
  ])('never sends the saved password to %s: the password must be typed again, and nothing is sent', async (_what, smtp) => {
    const h = await withSystemSmtp();
    for (const [actor, scope] of [
      [h.ada, { kind: 'system' }],
      // A domain with no mail server of its own inherits the system's, and its password with it.
      [h.dora, { kind: 'domain', domain: 'acme.example' }],
    ] as const) {
      await expect(h.core.testNotificationSettings({ actor, to: 'me@acme.example', scope, smtp })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: {
          fields: [{ field: 'smtp.password', message: expect.stringMatching(/^Type it to test another server, port or user name/) }],
        },
      });
    }
    expect(h.deps.email.testEmails).toEqual([]);
  });

  it('tests another server with the password typed for it, or without a login when no user name is given', async () => {
    const h = await withSystemSmtp();
    const scope = { kind: 'domain', domain: 'acme.example' } as const;
    await h.core.testNotificationSettings({
      actor: h.dora,
      to: 'dora@acme.example',
      scope,
      smtp: { host: 'mx.acme.example', password: 'typed-for-acme' },
    });
    await h.core.testNotificationSettings({ actor: h.dora, to: 'dora@acme.example', scope, smtp: { host: 'mx.acme.example', user: null } });
    expect(h.deps.email.testEmails.map((e) => e.smtp)).toEqual([
      { ...SYSTEM_SMTP, host: 'mx.acme.example', password: 'typed-for-acme' },
      { ...SYSTEM_SMTP, host: 'mx.acme.example', user: null, password: null },
    ]);
  });

  it("reports the notifier's words when it fails, without the password even if they carry it", async () => {
    const h = await withSystemSmtp();
    h.deps.email.failWith = '535 5.7.8 Authentication failed for bot / sys-pass-1234';
    const result = await h.core.testNotificationSettings({ actor: h.ada, to: 'me@provbot.example', scope: { kind: 'system' } });
    expect(result).toMatchObject({
      ok: false,
      server: 'mx.provbot.example:25',
      error: '535 5.7.8 Authentication failed for bot / ********',
    });
  });

  it('refuses a bad address or bad SMTP values before sending anything', async () => {
    const h = await withSystemSmtp();
    await expect(h.core.testNotificationSettings({ actor: h.ada, to: 'me', scope: { kind: 'system' } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'to', message: '"me" is not an email address.' }] },
    });
    await expect(
      h.core.testNotificationSettings({ actor: h.ada, to: 'me@provbot.example', scope: { kind: 'system' }, smtp: { port: 0 } }),
    ).rejects.toMatchObject({
      details: { fields: [{ field: 'smtp.port', message: 'Must be a port number from 1 to 65535.' }] },
    });
    expect(h.deps.email.testEmails).toEqual([]);
  });

  it("lets a domain's Administrator test their domain, not the system", async () => {
    const h = await withSystemSmtp();
    await expect(
      h.core.testNotificationSettings({ actor: h.dora, to: 'dora@acme.example', scope: { kind: 'system' } }),
    ).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { action: 'test the notification settings of the system' },
    });
    expect(h.deps.email.testEmails).toEqual([]);
  });
});
