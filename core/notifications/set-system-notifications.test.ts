import { describe, expect, it } from 'vitest';
import { settingsHarness } from '../../test/fakes/settings-harness';
import type { FieldProblem } from '../validation-problems';
import type { SystemChange } from './set-system-notifications';

describe('setSystemNotifications', () => {
  it('sets the Administration group: addresses, events and aggregation window', async () => {
    const h = await settingsHarness();
    const view = await h.core.setSystemNotifications({
      actor: h.ada,
      change: {
        kind: 'administration',
        edits: { emails: ['noc@provbot.example'], events: ['order-failure'], aggregationMinutes: 24 * 60 },
      },
    });
    expect(h.deps.notificationSettings.system?.administration).toEqual({
      externalEmails: ['noc@provbot.example'],
      chatDestinations: [],
      events: ['order-failure'],
      aggregationMinutes: 1440,
    });
    expect(view.systemUsers).toEqual([{ name: 'Ada Admin', email: 'ada@provbot.example' }]);
    expect(view.billingReminderDays).toBe(3);
  });

  it('sets the mail server, the Email Content URL and the billing reminder; off clears each', async () => {
    const h = await settingsHarness();
    const set = (change: SystemChange) => h.core.setSystemNotifications({ actor: h.ada, change });
    const withSmtp = await set({
      kind: 'smtp',
      edits: { host: 'mailer.company.com', user: 'cupm', password: 'hunter2-long', from: 'CUPMNotification@company.com' },
    });
    expect(withSmtp.smtp).toEqual({
      host: 'mailer.company.com',
      port: null,
      user: 'cupm',
      passwordSet: true,
      from: 'cupmnotification@company.com',
    });
    expect(JSON.stringify(withSmtp)).not.toContain('hunter2-long');
    expect(
      (await set({ kind: 'content-url', edits: { protocol: 'https', host: 'provbot.partner.example', port: 8443 } })).contentUrl,
    ).toEqual({
      protocol: 'https',
      host: 'provbot.partner.example',
      port: 8443,
    });
    expect((await set({ kind: 'billing-reminder', days: null })).billingReminderDays).toBeNull();
    await set({ kind: 'smtp-off' });
    await set({ kind: 'content-url-off' });
    expect(h.deps.notificationSettings.system).toMatchObject({ smtp: null, contentUrl: null, billingReminderDays: null });
  });

  it('keeps the saved password for edits to the same server and user only; another host saved without one clears it', async () => {
    const h = await settingsHarness();
    const set = (change: SystemChange) => h.core.setSystemNotifications({ actor: h.ada, change });
    await set({
      kind: 'smtp',
      edits: { host: 'mailer.company.com', port: 587, user: 'cupm', password: 'hunter2-long', from: 'cupm@company.com' },
    });
    await set({ kind: 'smtp', edits: { from: 'notify@company.com' } });
    expect(h.deps.notificationSettings.system?.smtp?.password).toBe('hunter2-long');
    expect((await set({ kind: 'smtp', edits: { host: 'MAILER.company.com' } })).smtp?.passwordSet).toBe(true);
    expect((await set({ kind: 'smtp', edits: { host: 'mx.attacker.example' } })).smtp?.passwordSet).toBe(false);
    expect(h.deps.notificationSettings.system?.smtp).toMatchObject({ host: 'mx.attacker.example', user: 'cupm', password: null });
    // Back at the old host, the password is gone: it must be typed again.
    expect((await set({ kind: 'smtp', edits: { host: 'mailer.company.com' } })).smtp?.passwordSet).toBe(false);
  });

  it.each<[string, SystemChange, FieldProblem]>([
    [
      'an escalation window (system events are not escalated)',
      { kind: 'administration', edits: { escalationMinutes: 60 } },
      { field: 'administration.escalationMinutes', message: 'Only the domain groups have one; system events are not escalated.' },
    ],
    [
      'an unknown system event',
      { kind: 'administration', edits: { events: ['sync-failure'] } },
      { field: 'administration.events', message: '"sync-failure" is not an event; choose from order-failure, delivery-failure.' },
    ],
    [
      'a content URL over ftp',
      { kind: 'content-url', edits: { protocol: 'ftp', host: 'x.example' } },
      { field: 'contentUrl.protocol', message: '"ftp" is not a protocol; choose from http, https.' },
    ],
    [
      'a content URL host with a path',
      { kind: 'content-url', edits: { protocol: 'https', host: 'x.example/prov' } },
      { field: 'contentUrl.host', message: 'Must be a host name or an IP address, like mailer.company.com.' },
    ],
    [
      '0 reminder days',
      { kind: 'billing-reminder', days: 0 },
      { field: 'billingReminderDays', message: 'Must be at least 1 day, or off.' },
    ],
  ])('refuses %s and saves nothing', async (_what, change, issue) => {
    const h = await settingsHarness();
    await expect(h.core.setSystemNotifications({ actor: h.ada, change })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [issue] },
    });
    expect(h.deps.notificationSettings.system).toBeNull();
  });

  it("is for Administrators of every domain, not a domain's", async () => {
    const h = await settingsHarness();
    await expect(h.core.setSystemNotifications({ actor: h.dora, change: { kind: 'billing-reminder', days: 5 } })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: {
        action: 'change the system notification settings',
        reason: 'it needs the Administrator role in every domain (*): the system settings reach every domain',
      },
    });
    expect(h.deps.notificationSettings.system).toBeNull();
  });
});
