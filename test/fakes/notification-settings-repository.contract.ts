import { describe, expect, it } from 'vitest';
import type {
  DomainNotificationSettings,
  DomainTemplate,
  NotificationGroup,
  NotificationSettingsRepository,
  SmtpSettings,
  SystemNotificationSettings,
} from '../../core/index';

/**
 * What NotificationSettingsRepository promises (core/ports/notification-settings-repository.port.ts),
 * through the port only, so InMemoryNotificationSettings and adapters/db run the same suite: the
 * seed's "Notification Configuration" pages saved and read back, "Apply to all domains" and
 * "Apply to domain template only". The system and template rows are one per store and "Apply to
 * all domains" touches every domain, so `make` hands each test an empty store. What needs the
 * table itself or several clients (the SMTP password encrypted at rest, read under another key)
 * stays in test/integration/db/notification-settings.int.test.ts.
 */
export type NotificationSettingsUnderTest = () => Promise<NotificationSettingsRepository>;

export const SMTP_PASSWORD = 'Smtp-S3cret-Passw0rd!';

export const smtp = (host: string, password: string | null = SMTP_PASSWORD): SmtpSettings => ({
  host,
  port: 587,
  user: 'provbot',
  password,
  from: 'ProvisioningManagerNotification@acme.example',
});
const group = (overrides: Partial<NotificationGroup> = {}): NotificationGroup => ({
  externalEmails: [],
  chatDestinations: [],
  events: ['Approval'],
  aggregationMinutes: null,
  escalationMinutes: null,
  ...overrides,
});
const slackChannel = { platform: 'slack' as const, address: 'C0PROV', label: '#provisioning' };
export const template = (aggregationMinutes: number | null, email: string): DomainTemplate => ({
  groups: {
    Approval: group({ externalEmails: [email], aggregationMinutes, escalationMinutes: 240, chatDestinations: [slackChannel] }),
    Assignment: group({ events: ['Assignment'] }),
    Shipping: group({
      events: ['Shipping'],
      chatDestinations: [{ platform: 'teams', address: '{"conversation":{"id":"19:x@thread.tacv2"}}', label: 'Provisioning / General' }],
    }),
    Receiving: group({ events: ['Receiving'], aggregationMinutes: 60 }),
  },
});
export const domainSettings = (name: string, overrides: Partial<DomainNotificationSettings> = {}): DomainNotificationSettings => ({
  domain: name,
  smtp: null,
  ...template(15, `approvals@${name}`),
  ...overrides,
});
export const systemSettings: SystemNotificationSettings = {
  smtp: smtp('mailer.acme.example'),
  contentUrl: { protocol: 'https', host: 'provbot.acme.example', port: 8443 },
  administration: {
    externalEmails: ['noc@acme.example'],
    chatDestinations: [],
    events: ['order-failure', 'delivery-failure'],
    aggregationMinutes: 30,
  },
  billingReminderDays: 5,
};

export function describeNotificationSettingsRepository(name: string, make: NotificationSettingsUnderTest) {
  describe(name, () => {
    it('has no settings before anyone saved them', async () => {
      const repo = await make();
      expect(await repo.findSystem()).toBeNull();
      expect(await repo.findTemplate()).toBeNull();
      expect(await repo.findDomain('acme-partner.example')).toBeNull();
      expect(await repo.listDomains()).toEqual([]);
    });

    it('reads the system settings back as saved, the SMTP password in clear, and replaces them whole on the next save', async () => {
      const repo = await make();
      await repo.saveSystem(systemSettings);
      expect(await repo.findSystem()).toEqual(systemSettings);
      const next = { ...systemSettings, smtp: null, contentUrl: null, billingReminderDays: null };
      await repo.saveSystem(next);
      expect(await repo.findSystem()).toEqual(next);
    });

    it('reads a domain’s own settings back as saved, with its SMTP override, which a later save can drop', async () => {
      const repo = await make();
      const globex = domainSettings('globex-partner.example', { smtp: smtp('smtp.globex.example') });
      await repo.saveDomain(globex);
      expect(await repo.findDomain('globex-partner.example')).toEqual(globex);
      expect(await repo.findDomain('initech-partner.example')).toBeNull();
      await repo.saveDomain({ ...globex, smtp: null });
      expect(await repo.findDomain('globex-partner.example')).toEqual({ ...globex, smtp: null });
    });

    it('applies a template to all domains: every stored domain’s groups replaced, their SMTP overrides kept', async () => {
      const repo = await make();
      const before = template(null, 'old@acme.example');
      const after = template(45, 'new@acme.example');
      await repo.saveTemplate({ template: before, previous: before, applyTo: 'template', existingDomains: [] });
      await repo.saveDomain(domainSettings('a-all.example', { smtp: smtp('smtp.a.example') }));
      await repo.saveDomain(domainSettings('b-all.example'));

      await repo.saveTemplate({
        template: after,
        previous: before,
        applyTo: 'all',
        existingDomains: ['a-all.example', 'b-all.example', 'never-saved.example'],
      });

      expect(await repo.findTemplate()).toEqual(after);
      expect(await repo.findDomain('a-all.example')).toEqual({
        domain: 'a-all.example',
        smtp: smtp('smtp.a.example'),
        groups: after.groups,
      });
      expect(await repo.findDomain('b-all.example')).toEqual({ domain: 'b-all.example', smtp: null, groups: after.groups });
      expect(await repo.findDomain('never-saved.example')).toBeNull();
      expect(await repo.listDomains()).toEqual(['a-all.example', 'b-all.example']);
    });

    it('applies a template to all domains keeping the chat channels each domain registered', async () => {
      const repo = await make();
      const after = template(45, 'new@acme.example');
      const ownChannel = { platform: 'teams' as const, address: '{"conversation":{"id":"19:own@thread.tacv2"}}', label: 'Own / General' };
      const own = domainSettings('c-channels.example');
      own.groups.Approval.chatDestinations = [];
      own.groups.Receiving.chatDestinations = [ownChannel];
      await repo.saveDomain(own);

      await repo.saveTemplate({ template: after, previous: after, applyTo: 'all', existingDomains: ['c-channels.example'] });

      const groups = (await repo.findDomain('c-channels.example'))?.groups;
      expect(groups?.Approval).toEqual({ ...after.groups.Approval, chatDestinations: [] });
      expect(groups?.Receiving).toEqual({ ...after.groups.Receiving, chatDestinations: [ownChannel] });
      expect(groups?.Assignment).toEqual(after.groups.Assignment);
    });

    it('applies a template to new domains only: existing domains that followed the old one keep it as their own', async () => {
      const repo = await make();
      const before = template(null, 'before@acme.example');
      const after = template(90, 'after@acme.example');
      const own = domainSettings('c-own.example', { smtp: smtp('smtp.c.example') });
      await repo.saveDomain(own);

      await repo.saveTemplate({
        template: after,
        previous: before,
        applyTo: 'template',
        existingDomains: ['c-own.example', 'd-followed.example'],
      });

      expect(await repo.findTemplate()).toEqual(after);
      expect(await repo.findDomain('c-own.example')).toEqual(own);
      expect(await repo.findDomain('d-followed.example')).toEqual({ domain: 'd-followed.example', smtp: null, groups: before.groups });
      expect(await repo.findDomain('e-not-existing.example')).toBeNull();
      expect(await repo.listDomains()).toEqual(['c-own.example', 'd-followed.example']);
    });

    it('lists the domains with settings of their own, by name, and not the system or template rows', async () => {
      const repo = await make();
      await repo.saveSystem(systemSettings);
      await repo.saveDomain(domainSettings('globex-partner.example'));
      await repo.saveTemplate({
        template: template(5, 'x@acme.example'),
        previous: template(null, 'y@acme.example'),
        applyTo: 'template',
        existingDomains: ['acme-partner.example', 'globex-partner.example'],
      });
      await repo.saveDomain(domainSettings('b.example'));
      expect(await repo.listDomains()).toEqual(['acme-partner.example', 'b.example', 'globex-partner.example']);
    });
  });
}
