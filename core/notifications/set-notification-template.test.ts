import { describe, expect, it } from 'vitest';
import { settingsHarness } from '../../test/fakes/settings-harness';
import { DEFAULT_TEMPLATE } from './notification-settings';
import { TEMPLATE_SMTP_REFUSAL } from './notification-settings.schemas';
import type { DomainSettingsView } from './notification-settings-view';

const domainOf = async (h: Awaited<ReturnType<typeof settingsHarness>>, domain: string) =>
  (await h.core.getNotificationSettings({ actor: h.ada, scope: { kind: 'domain', domain } })) as DomainSettingsView;

describe('setNotificationTemplate', () => {
  it('"Apply to domain template only": existing domains keep what they had, a domain created later gets the new template', async () => {
    const h = await settingsHarness();
    const saved = await h.core.setNotificationTemplate({
      actor: h.ada,
      change: { kind: 'group', group: 'Approval', edits: { aggregationMinutes: 60, emails: ['noc@partner.example'] } },
    });
    expect(saved.applyTo).toBe('template');
    expect(saved.existingDomains).toEqual(['acme.example', 'other.example']);
    expect(saved.template.groups.Approval).toMatchObject({ aggregationMinutes: 60, externalEmails: ['noc@partner.example'] });

    const acme = await domainOf(h, 'acme.example');
    expect(acme.groups.Approval).toEqual(DEFAULT_TEMPLATE.groups.Approval);
    const later = await domainOf(h, 'new.example');
    expect(later).toMatchObject({
      followsTemplate: true,
      groups: { Approval: { aggregationMinutes: 60, externalEmails: ['noc@partner.example'] } },
    });
  });

  it('"Apply to all domains": domains with settings of their own take the template\'s groups and keep their SMTP override', async () => {
    const h = await settingsHarness();
    await h.core.setDomainNotifications({
      actor: h.dora,
      domain: 'acme.example',
      change: { kind: 'group', group: 'Shipping', edits: { escalationMinutes: 240 } },
    });
    await h.core.setDomainNotifications({
      actor: h.dora,
      domain: 'acme.example',
      change: { kind: 'smtp', edits: { host: 'mx.acme.example', from: 'p@acme.example' } },
    });
    await h.core.setNotificationTemplate({
      actor: h.ada,
      change: { kind: 'group', group: 'Receiving', edits: { aggregationMinutes: 15 } },
      applyTo: 'all',
    });
    const acme = await domainOf(h, 'acme.example');
    expect(acme.groups.Shipping.escalationMinutes).toBeNull();
    expect(acme.groups.Receiving.aggregationMinutes).toBe(15);
    expect(acme.smtp?.host).toBe('mx.acme.example');
  });

  it('"Apply to all domains" keeps the channels each domain registered (the template has none to give)', async () => {
    const h = await settingsHarness();
    const channel = { platform: 'slack' as const, address: 'C0SHIP', label: '#shipping' };
    await h.core.registerChatDestination({
      actor: h.dora,
      scope: { kind: 'domain', domain: 'acme.example', group: 'Shipping' },
      destination: channel,
    });
    await h.core.setNotificationTemplate({
      actor: h.ada,
      change: { kind: 'group', group: 'Shipping', edits: { aggregationMinutes: 30 } },
      applyTo: 'all',
    });
    const acme = await domainOf(h, 'acme.example');
    expect(acme.groups.Shipping).toMatchObject({ aggregationMinutes: 30, chatDestinations: [channel] });
  });

  it("takes the whole template with applyTo from the API; SMTP in it is refused with the seed's reason, and nothing is saved", async () => {
    const h = await settingsHarness();
    const document = { groups: structuredClone(DEFAULT_TEMPLATE.groups), applyTo: 'all' };
    document.groups.Assignment.escalationMinutes = 90;
    expect((await h.core.setNotificationTemplate({ actor: h.ada, change: { kind: 'document', document } })).applyTo).toBe('all');
    expect(h.deps.notificationSettings.template?.groups.Assignment.escalationMinutes).toBe(90);

    const before = h.stored();
    const withSmtp = { ...document, smtp: { host: 'mx.example', from: 'a@b.example' } };
    await expect(h.core.setNotificationTemplate({ actor: h.ada, change: { kind: 'document', document: withSmtp } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'smtp', message: `${TEMPLATE_SMTP_REFUSAL}.` }] },
    });
    await expect(
      h.core.setNotificationTemplate({ actor: h.ada, change: { kind: 'document', document: { ...document, applyTo: 'some' } } }),
    ).rejects.toMatchObject({
      details: { fields: [{ field: 'applyTo', message: '"some" is not where to apply the template; choose from template, all.' }] },
    });
    expect(h.stored()).toEqual(before);
  });

  it("is for Administrators of every domain: a domain's Administrator is told why not", async () => {
    const h = await settingsHarness();
    await expect(
      h.core.setNotificationTemplate({ actor: h.dora, change: { kind: 'group', group: 'Approval', edits: { aggregationMinutes: 5 } } }),
    ).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { reason: 'it needs the Administrator role in every domain (*): the domain template reaches every domain' },
    });
    expect(h.deps.notificationSettings.template).toBeNull();
  });
});
