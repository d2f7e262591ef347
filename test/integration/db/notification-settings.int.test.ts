import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Database } from '../../../adapters/db/create-database';
import { createDatabase } from '../../../adapters/db/create-database';
import type {
  DomainNotificationSettings,
  DomainTemplate,
  NotificationGroup,
  SmtpSettings,
  SystemNotificationSettings,
} from '../../../core/index';
import { useRawTables } from './raw-rows';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

const PASSWORD = 'Smtp-S3cret-Passw0rd!';
const KEY = randomBytes(32);

const smtp = (host: string, password: string | null = PASSWORD): SmtpSettings => ({
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
const template = (aggregationMinutes: number | null, email: string): DomainTemplate => ({
  groups: {
    Approval: group({
      externalEmails: [email],
      aggregationMinutes,
      escalationMinutes: 240,
      chatDestinations: [{ platform: 'slack', address: 'C0PROV', label: '#provisioning' }],
    }),
    Assignment: group({ events: ['Assignment'] }),
    Shipping: group({
      events: ['Shipping'],
      chatDestinations: [{ platform: 'teams', address: '{"conversation":{"id":"19:x@thread.tacv2"}}', label: 'Provisioning / General' }],
    }),
    Receiving: group({ events: ['Receiving'], aggregationMinutes: 60 }),
  },
});
const domain = (name: string, overrides: Partial<DomainNotificationSettings> = {}): DomainNotificationSettings => ({
  domain: name,
  smtp: null,
  ...template(15, `approvals@${name}`),
  ...overrides,
});
const system: SystemNotificationSettings = {
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

/**
 * Notification settings on a real database: the seed's "Notification Configuration"
 * pages saved and read back, "Apply to all domains" and "Apply to domain template
 * only", and the "Mail Server User Password" never stored in clear.
 */
for (const target of TARGETS) {
  describeOn(target, 'NotificationSettingsRepository', () => {
    const fresh = useFreshDatabase(target);
    const raw = useRawTables(() => fresh.url);
    let keyed: Database | undefined;
    const repo = () => keyed!.notificationSettings;
    const storedText = async () =>
      (await raw.rows<{ scope: string; value: string }>(`SELECT "scope", "value" FROM "notification_settings"`))
        .map((r) => `${r.scope} ${r.value}`)
        .join('\n');

    beforeAll(async () => {
      keyed = await createDatabase(fresh.url, { settingsKey: KEY });
    });
    afterAll(() => keyed?.close());
    beforeEach(() => raw.clear('notification_settings'));

    it('has no settings before anyone saved them', async () => {
      expect(await repo().findSystem()).toBeNull();
      expect(await repo().findTemplate()).toBeNull();
      expect(await repo().findDomain('acme-partner.example')).toBeNull();
      expect(await repo().listDomains()).toEqual([]);
    });

    it('reads the system settings back as saved, the SMTP password in clear, while the table holds it encrypted', async () => {
      await repo().saveSystem(system);
      expect(await repo().findSystem()).toEqual(system);

      const stored = await storedText();
      expect(stored).toContain('mailer.acme.example');
      expect(stored).not.toContain(PASSWORD);
      expect(stored).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    });

    it('reads a password stored under another key (or with none) as missing, and says why, so the rest of the settings still serve', async () => {
      await repo().saveSystem(system);
      const unreadable: string[] = [];
      const report = (scope: string, reason: string) => void unreadable.push(`${scope}: ${reason}`);
      const otherKey = await createDatabase(fresh.url, { settingsKey: randomBytes(32), onUnreadablePassword: report });
      const noKey = await createDatabase(fresh.url, { onUnreadablePassword: report });
      try {
        expect((await otherKey.notificationSettings.findSystem())?.smtp).toEqual({ ...system.smtp, password: null });
        expect((await noKey.notificationSettings.findSystem())?.administration).toEqual(system.administration);
        expect(unreadable).toEqual([
          expect.stringContaining('system: a stored SMTP password cannot be decrypted: SETTINGS_KEY is not the key it was saved with'),
          expect.stringContaining('system: a stored SMTP password cannot be read: no SETTINGS_KEY was given'),
        ]);
        await expect(
          noKey.notificationSettings.saveDomain(domain('initech.example', { smtp: smtp('mail.initech.example') })),
        ).rejects.toThrow('no SETTINGS_KEY was given');
        // Settings without a password need no key.
        await repo().saveSystem({ ...system, smtp: smtp('mailer.acme.example', null) });
        expect((await noKey.notificationSettings.findSystem())?.smtp).toEqual(smtp('mailer.acme.example', null));
      } finally {
        await otherKey.close();
        await noKey.close();
      }
    });

    it('reads a domain’s own settings back as saved, its SMTP override’s password encrypted at rest', async () => {
      const globex = domain('globex-partner.example', { smtp: smtp('smtp.globex.example') });
      await repo().saveDomain(globex);
      expect(await repo().findDomain('globex-partner.example')).toEqual(globex);
      expect(await storedText()).not.toContain(PASSWORD);
      await repo().saveDomain({ ...globex, smtp: null });
      expect((await repo().findDomain('globex-partner.example'))?.smtp).toBeNull();
    });

    it('applies a template to all domains: every stored domain’s groups replaced, their SMTP overrides kept', async () => {
      const before = template(null, 'old@acme.example');
      const after = template(45, 'new@acme.example');
      await repo().saveTemplate({ template: before, previous: before, applyTo: 'template', existingDomains: [] });
      await repo().saveDomain(domain('a-all.example', { smtp: smtp('smtp.a.example') }));
      await repo().saveDomain(domain('b-all.example'));

      await repo().saveTemplate({
        template: after,
        previous: before,
        applyTo: 'all',
        existingDomains: ['a-all.example', 'b-all.example', 'never-saved.example'],
      });

      expect(await repo().findTemplate()).toEqual(after);
      expect(await repo().findDomain('a-all.example')).toEqual({
        domain: 'a-all.example',
        smtp: smtp('smtp.a.example'),
        groups: after.groups,
      });
      expect(await repo().findDomain('b-all.example')).toEqual({ domain: 'b-all.example', smtp: null, groups: after.groups });
      expect(await repo().findDomain('never-saved.example')).toBeNull();
    });

    it('applies a template to new domains only: existing domains that followed the old one keep it as their own', async () => {
      const before = template(null, 'before@acme.example');
      const after = template(90, 'after@acme.example');
      const own = domain('c-own.example', { smtp: smtp('smtp.c.example') });
      await repo().saveDomain(own);

      await repo().saveTemplate({
        template: after,
        previous: before,
        applyTo: 'template',
        existingDomains: ['c-own.example', 'd-followed.example'],
      });

      expect(await repo().findTemplate()).toEqual(after);
      expect(await repo().findDomain('c-own.example')).toEqual(own);
      expect(await repo().findDomain('d-followed.example')).toEqual({ domain: 'd-followed.example', smtp: null, groups: before.groups });
    });

    it('lists the domains with settings of their own, by name, and not the system or template rows', async () => {
      await repo().saveSystem(system);
      await repo().saveDomain(domain('globex-partner.example'));
      await repo().saveTemplate({
        template: template(5, 'x@acme.example'),
        previous: template(null, 'y@acme.example'),
        applyTo: 'template',
        existingDomains: ['acme-partner.example', 'globex-partner.example'],
      });
      await repo().saveDomain(domain('b.example'));
      expect(await repo().listDomains()).toEqual(['acme-partner.example', 'b.example', 'globex-partner.example']);
    });
  });
}
