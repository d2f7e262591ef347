import type {
  DomainNotificationSettings,
  DomainTemplate,
  NotificationSettingsRepository,
  SmtpSettings,
  SystemNotificationSettings,
} from '../../core/index';
import { withOwnChannels } from '../../core/index';
import { fromJsonText, toJsonText } from './json-column';
import type { DbClient, DbTransaction } from './prisma-client';
import type { SettingsCipher } from './settings-cipher';

const SYSTEM = 'system';
const TEMPLATE = 'template';
const DOMAIN = 'domain:';

/**
 * Settings as JSON documents, one row per scope. SMTP passwords are sealed on the way
 * in and opened on the way out: the table never holds one in clear.
 */
export function createNotificationSettingsRepository(
  db: DbClient,
  cipher: SettingsCipher,
  onUnreadablePassword: (scope: string, reason: string) => void = () => {},
): NotificationSettingsRepository {
  const sealSmtp = (smtp: SmtpSettings | null) => smtp && { ...smtp, password: smtp.password === null ? null : cipher.seal(smtp.password) };
  /**
   * A password sealed under another key (SETTINGS_KEY changed, the key file lost) reads
   * as none, and is reported: the settings still serve every order step (they plan
   * who is told), and only that server's emails fail, dead-lettered with the server's
   * words, until an administrator enters the password again.
   */
  const openSmtp = (scope: string, smtp: SmtpSettings | null) => {
    if (!smtp || smtp.password === null) return smtp;
    try {
      return { ...smtp, password: cipher.open(smtp.password) };
    } catch (err) {
      onUnreadablePassword(scope, err instanceof Error ? err.message : String(err));
      return { ...smtp, password: null };
    }
  };

  const read = async <T>(scope: string): Promise<T | null> => {
    const row = await db.notificationSetting.findUnique({ where: { scope } });
    return row ? fromJsonText<T>(row.value) : null;
  };
  const put = (tx: DbClient | DbTransaction, scope: string, value: unknown) => {
    const data = { value: toJsonText(value), updatedAt: new Date() };
    return tx.notificationSetting.upsert({ where: { scope }, create: { scope, ...data }, update: data });
  };

  return {
    async findSystem() {
      const found = await read<SystemNotificationSettings>(SYSTEM);
      return found && { ...found, smtp: openSmtp(SYSTEM, found.smtp) };
    },
    async saveSystem(settings) {
      await put(db, SYSTEM, { ...settings, smtp: sealSmtp(settings.smtp) });
    },
    findTemplate: () => read<DomainTemplate>(TEMPLATE),
    async findDomain(domain) {
      const found = await read<DomainNotificationSettings>(DOMAIN + domain);
      return found && { ...found, smtp: openSmtp(DOMAIN + domain, found.smtp) };
    },
    async saveDomain(settings) {
      await put(db, DOMAIN + settings.domain, { ...settings, smtp: sealSmtp(settings.smtp) });
    },
    async saveTemplate({ template, previous, applyTo, existingDomains }) {
      await db.$transaction(async (tx) => {
        const rows = await tx.notificationSetting.findMany({ where: { scope: { startsWith: DOMAIN } } });
        if (applyTo === 'all') {
          // "Apply to all domains": every domain's groups; their SMTP overrides are not in the
          // template and stay, and so do the channels registered in each domain (ours, not the seed's).
          for (const row of rows) {
            const domain = fromJsonText<DomainNotificationSettings>(row.value);
            await put(tx, row.scope, { ...domain, groups: withOwnChannels(template.groups, domain.groups) });
          }
        } else {
          // "Apply to domain template only": a domain that still followed the old template keeps it, as its own.
          const own = new Set(rows.map((r) => r.scope));
          for (const domain of existingDomains) {
            if (!own.has(DOMAIN + domain)) await put(tx, DOMAIN + domain, { domain, smtp: null, groups: previous.groups });
          }
        }
        await put(tx, TEMPLATE, template);
      });
    },
    async listDomains() {
      const rows = await db.notificationSetting.findMany({
        where: { scope: { startsWith: DOMAIN } },
        select: { scope: true },
        orderBy: { scope: 'asc' },
      });
      return rows.map((r) => r.scope.slice(DOMAIN.length));
    },
  };
}
