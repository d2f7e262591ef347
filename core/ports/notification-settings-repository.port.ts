import type { DomainNotificationSettings, DomainTemplate, SystemNotificationSettings } from '../notifications/notification-settings';

/** Stored settings; SMTP passwords are encrypted at rest by the implementation. */
export interface NotificationSettingsRepository {
  /** The system settings, or null before anyone saved them. */
  findSystem(): Promise<SystemNotificationSettings | null>;
  saveSystem(settings: SystemNotificationSettings): Promise<void>;
  findTemplate(): Promise<DomainTemplate | null>;
  /** A domain's own settings, or null when it still follows the template. */
  findDomain(domain: string): Promise<DomainNotificationSettings | null>;
  saveDomain(settings: DomainNotificationSettings): Promise<void>;
  /**
   * Saves the template and, in the same transaction, either "Apply to all domains"
   * (every domain's groups replaced, their SMTP overrides kept) or "Apply to domain
   * template only" (domains in `existingDomains` that still followed the old template
   * keep it, stored as their own).
   */
  saveTemplate(input: {
    template: DomainTemplate;
    previous: DomainTemplate;
    applyTo: 'template' | 'all';
    existingDomains: string[];
  }): Promise<void>;
  /** Domains with settings of their own. */
  listDomains(): Promise<string[]>;
}
