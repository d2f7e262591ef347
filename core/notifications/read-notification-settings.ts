import type { CoreDeps } from '../core-deps';
import type { DomainNotificationSettings, DomainTemplate, SmtpSettings, SystemNotificationSettings } from './notification-settings';
import { DEFAULT_SYSTEM_SETTINGS, DEFAULT_TEMPLATE, fromTemplate } from './notification-settings';

/** "The settings on this page are inherited from the Domain configuration template" until the domain has its own. */
export async function domainSettingsFor(deps: CoreDeps, domain: string): Promise<DomainNotificationSettings> {
  return (await deps.notificationSettings.findDomain(domain)) ?? fromTemplate(domain, await templateSettings(deps));
}

export async function templateSettings(deps: CoreDeps): Promise<DomainTemplate> {
  return (await deps.notificationSettings.findTemplate()) ?? DEFAULT_TEMPLATE;
}

export async function systemSettings(deps: CoreDeps): Promise<SystemNotificationSettings> {
  return (await deps.notificationSettings.findSystem()) ?? DEFAULT_SYSTEM_SETTINGS;
}

export const minutesLater = (at: Date, minutes: number): Date => new Date(at.getTime() + minutes * 60_000);

/** "for specific Domains, these settings can be overridden": the domain's mail server, else the system's, else null (the bot's own). */
export async function smtpInForce(
  deps: CoreDeps,
  domain: string | null,
  system?: SystemNotificationSettings,
): Promise<SmtpSettings | null> {
  const own = domain ? (await domainSettingsFor(deps, domain)).smtp : null;
  return own ?? (system ?? (await systemSettings(deps))).smtp;
}
