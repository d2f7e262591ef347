import { withOwnChannels } from '../../core/index';
import type {
  DomainNotificationSettings,
  DomainTemplate,
  NotificationSettingsRepository,
  SystemNotificationSettings,
} from '../../core/index';

/** Notification settings as adapters/db keeps them (minus the encryption): whole documents, replaced on save. */
export class InMemoryNotificationSettings implements NotificationSettingsRepository {
  system: SystemNotificationSettings | null = null;
  template: DomainTemplate | null = null;
  readonly domains = new Map<string, DomainNotificationSettings>();

  async findSystem() {
    return this.system && structuredClone(this.system);
  }
  async saveSystem(settings: SystemNotificationSettings) {
    this.system = structuredClone(settings);
  }
  async findTemplate() {
    return this.template && structuredClone(this.template);
  }
  async findDomain(domain: string) {
    const found = this.domains.get(domain);
    return found ? structuredClone(found) : null;
  }
  async saveDomain(settings: DomainNotificationSettings) {
    this.domains.set(settings.domain, structuredClone(settings));
  }
  async saveTemplate(input: {
    template: DomainTemplate;
    previous: DomainTemplate;
    applyTo: 'template' | 'all';
    existingDomains: string[];
  }) {
    if (input.applyTo === 'all') {
      for (const [domain, settings] of this.domains)
        this.domains.set(domain, { ...settings, groups: withOwnChannels(input.template.groups, settings.groups) });
    } else {
      for (const domain of input.existingDomains) {
        if (!this.domains.has(domain)) this.domains.set(domain, { domain, smtp: null, groups: structuredClone(input.previous.groups) });
      }
    }
    this.template = structuredClone(input.template);
  }
  async listDomains() {
    return [...this.domains.keys()].sort();
  }
}
