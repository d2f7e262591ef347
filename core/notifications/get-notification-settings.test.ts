import { describe, expect, it } from 'vitest';
import { settingsHarness } from '../../test/fakes/settings-harness';
import { DEFAULT_TEMPLATE } from './notification-settings';

describe('getNotificationSettings and getNotificationOverview', () => {
  it('shows a domain without settings of its own as the template has it, with the people of each group as System Users', async () => {
    const h = await settingsHarness();
    await h.core.setNotificationTemplate({ actor: h.ada, change: { kind: 'group', group: 'Approval', edits: { aggregationMinutes: 45 } } });
    const view = await h.core.getNotificationSettings({ actor: h.dora, scope: { kind: 'domain', domain: 'Acme.Example' } });
    expect(view).toMatchObject({
      scope: 'domain',
      domain: 'acme.example',
      // acme.example existed when the template changed: it kept the old one, as its own.
      followsTemplate: false,
      smtp: null,
      systemSmtp: null,
      groups: { Approval: DEFAULT_TEMPLATE.groups.Approval },
      systemUsers: {
        Shipping: [{ name: 'Shane Shipper', email: 'shane@acme.example' }],
        Receiving: [{ name: 'Rita Receiver', email: 'rita@acme.example' }],
      },
    });
    expect(await h.core.getNotificationSettings({ actor: h.ada, scope: { kind: 'domain', domain: 'new.example' } })).toMatchObject({
      followsTemplate: true,
      groups: { Approval: { aggregationMinutes: 45 } },
    });
  });

  it("never shows a password, only that one is set, in the system view and in a domain's inherited SMTP", async () => {
    const h = await settingsHarness();
    await h.core.setSystemNotifications({
      actor: h.ada,
      change: { kind: 'smtp', edits: { host: 'mx.provbot.example', password: 'pa55-word-xyz', from: 'bot@provbot.example' } },
    });
    const system = await h.core.getNotificationSettings({ actor: h.ada, scope: { kind: 'system' } });
    const domain = await h.core.getNotificationSettings({ actor: h.dora, scope: { kind: 'domain', domain: 'acme.example' } });
    expect(system).toMatchObject({ smtp: { host: 'mx.provbot.example', passwordSet: true } });
    expect(domain).toMatchObject({ smtp: null, systemSmtp: { host: 'mx.provbot.example', passwordSet: true } });
    for (const view of [system, domain, await h.core.getNotificationSettings({ actor: h.ada, scope: { kind: 'template' } })]) {
      expect(JSON.stringify(view)).not.toContain('pa55-word-xyz');
      expect(JSON.stringify(view)).not.toContain('"password"');
    }
  });

  it("the overview: everything for an Administrator of every domain, their own domains for a domain's Administrator, nothing for others", async () => {
    const h = await settingsHarness();
    // Settings are only for domains someone holds a role in.
    await h.core.registerUser({ email: 'lee@later.example', name: 'Lee Later', roles: [{ role: 'Ordering', domain: 'later.example' }] });
    await h.core.setDomainNotifications({ actor: h.ada, domain: 'later.example', change: { kind: 'smtp-off' } });
    const all = await h.core.getNotificationOverview({ actor: h.ada });
    expect(all.system?.scope).toBe('system');
    expect(all.template?.scope).toBe('template');
    expect(all.domains).toEqual([
      { domain: 'acme.example', followsTemplate: true },
      { domain: 'later.example', followsTemplate: false },
      { domain: 'other.example', followsTemplate: true },
    ]);
    expect(await h.core.getNotificationOverview({ actor: h.dora })).toEqual({
      system: null,
      template: null,
      domains: [{ domain: 'acme.example', followsTemplate: true }],
    });
    await expect(h.core.getNotificationOverview({ actor: h.as('april') })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { reason: 'it needs the Administrator role in a domain' },
    });
  });

  it("refuses someone who is not the domain's Administrator, and a domain that is not one", async () => {
    const h = await settingsHarness();
    await expect(
      h.core.getNotificationSettings({ actor: h.as('april'), scope: { kind: 'domain', domain: 'acme.example' } }),
    ).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { action: 'see the notification settings of acme.example' },
    });
    await expect(h.core.getNotificationSettings({ actor: h.dora, scope: { kind: 'template' } })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    await expect(h.core.getNotificationSettings({ actor: h.ada, scope: { kind: 'domain', domain: 'not a domain' } })).rejects.toMatchObject(
      {
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'domain', message: 'A domain looks like acme.example.' }] },
      },
    );
  });
});
