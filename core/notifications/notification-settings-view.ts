import type { CoreDeps } from '../core-deps';
import { ANY_DOMAIN } from '../directory/directory';
import type { Role } from '../directory/directory';
import { fromTemplate, GROUP_NAMES } from './notification-settings';
import type { ContentUrl, GroupName, NotificationGroup, SmtpSettings, SystemNotificationSettings } from './notification-settings';
import { systemSettings, templateSettings } from './read-notification-settings';

/**
 * Settings as administrators see them (chat `notify show`, GET /api/notifications/...):
 * a password is never shown, only whether one is set. The shape is the document a PUT
 * takes, plus read-only keys (systemUsers, systemSmtp, followsTemplate) a PUT ignores.
 */
export interface SmtpView {
  host: string;
  port: number | null;
  user: string | null;
  passwordSet: boolean;
  from: string;
}

/** "Users configured in the system with this role for the Domain are displayed as System Users." */
export interface SystemUser {
  name: string;
  email: string;
}

export interface DomainSettingsView {
  scope: 'domain';
  domain: string;
  /** No settings of its own yet: it shows (and works by) the template. */
  followsTemplate: boolean;
  /** The domain's override; null inherits systemSmtp. */
  smtp: SmtpView | null;
  systemSmtp: SmtpView | null;
  groups: Record<GroupName, NotificationGroup>;
  systemUsers: Record<GroupName, SystemUser[]>;
}

export interface TemplateView {
  scope: 'template';
  /** "SMTP server details and the From Address values are inherited from the system settings and are displayed in read-only format." */
  systemSmtp: SmtpView | null;
  groups: Record<GroupName, NotificationGroup>;
}

export interface SystemSettingsView {
  scope: 'system';
  smtp: SmtpView | null;
  contentUrl: ContentUrl | null;
  administration: SystemNotificationSettings['administration'];
  billingReminderDays: number | null;
  /** "Notifications are sent to administrators ... This list is displayed as read-only text in the System Users field." */
  systemUsers: SystemUser[];
}

export type NotificationSettingsView = DomainSettingsView | TemplateView | SystemSettingsView;

export function smtpView(smtp: SmtpSettings | null): SmtpView | null {
  if (!smtp) return null;
  return { host: smtp.host, port: smtp.port, user: smtp.user, passwordSet: !!smtp.password, from: smtp.from };
}

const person = (u: { name: string; email: string }): SystemUser => ({ name: u.name, email: u.email });

export async function domainView(deps: CoreDeps, domain: string): Promise<DomainSettingsView> {
  const own = await deps.notificationSettings.findDomain(domain);
  const settings = own ?? fromTemplate(domain, await templateSettings(deps));
  const systemUsers = {} as Record<GroupName, SystemUser[]>;
  for (const group of GROUP_NAMES) systemUsers[group] = (await deps.users.listByRole(group satisfies Role, domain)).map(person);
  return {
    scope: 'domain',
    domain,
    followsTemplate: own === null,
    smtp: smtpView(settings.smtp),
    systemSmtp: smtpView((await systemSettings(deps)).smtp),
    groups: settings.groups,
    systemUsers,
  };
}

export async function templateView(deps: CoreDeps): Promise<TemplateView> {
  return { scope: 'template', systemSmtp: smtpView((await systemSettings(deps)).smtp), groups: (await templateSettings(deps)).groups };
}

export async function systemView(deps: CoreDeps): Promise<SystemSettingsView> {
  const system = await systemSettings(deps);
  // Administrators of every domain: a domain's own administrators hear of its events only.
  const admins = (await deps.users.listByRole('Administrator', ANY_DOMAIN)).filter((u) =>
    u.roles.some((g) => g.role === 'Administrator' && g.domain === ANY_DOMAIN),
  );
  return {
    scope: 'system',
    smtp: smtpView(system.smtp),
    contentUrl: system.contentUrl,
    administration: system.administration,
    billingReminderDays: system.billingReminderDays,
    systemUsers: admins.map(person),
  };
}
