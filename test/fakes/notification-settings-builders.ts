import { SYSTEM_EVENTS } from '../../core/index';
import type {
  DomainNotificationSettings,
  GroupName,
  NotificationGroup,
  NotificationSettingsRepository,
  SystemNotificationSettings,
} from '../../core/index';

/** Each group told of its own event, at once, never escalated: the settings a test starts from. */
const plainGroup = (name: GroupName): NotificationGroup => ({
  externalEmails: [],
  chatDestinations: [],
  events: [name],
  aggregationMinutes: null,
  escalationMinutes: null,
});

/** Changes a domain's groups as stored (or, before any save, from plain groups) and saves them, as an admin saving the page would. */
export async function changeDomainGroups(
  repo: NotificationSettingsRepository,
  domain: string,
  patch: Partial<Record<GroupName, Partial<NotificationGroup>>>,
): Promise<DomainNotificationSettings> {
  const current: DomainNotificationSettings = (await repo.findDomain(domain)) ?? {
    domain,
    smtp: null,
    groups: {
      Approval: plainGroup('Approval'),
      Assignment: plainGroup('Assignment'),
      Shipping: plainGroup('Shipping'),
      Receiving: plainGroup('Receiving'),
    },
  };
  for (const [name, change] of Object.entries(patch) as [GroupName, Partial<NotificationGroup>][])
    current.groups[name] = { ...current.groups[name], ...change };
  await repo.saveDomain(current);
  return current;
}

/** Changes the Administration notification group as stored (or from no SMTP, every system event, at once). */
export async function changeAdministration(
  repo: NotificationSettingsRepository,
  patch: Partial<SystemNotificationSettings['administration']>,
): Promise<SystemNotificationSettings> {
  const current: SystemNotificationSettings = (await repo.findSystem()) ?? {
    smtp: null,
    contentUrl: null,
    administration: { externalEmails: [], chatDestinations: [], events: [...SYSTEM_EVENTS], aggregationMinutes: null },
    billingReminderDays: 3,
  };
  current.administration = { ...current.administration, ...patch };
  await repo.saveSystem(current);
  return current;
}
