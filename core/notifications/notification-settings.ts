import type { ChatPlatform } from '../directory/directory';
import type { ActivityKind } from '../orders/model/work-order';

/**
 * Notification settings, from prime-provisioning-managing-orders "Email Notifications"
 * and the configuration sections after it. Every notice the seed sends by email also
 * goes to the group's chat destinations (ours, not the seed's).
 */

/** "Approval Notification Group, Assignment Notification Group, Shipping Notification Group, and Receiving Notification Group". */
export const GROUP_NAMES = ['Approval', 'Assignment', 'Shipping', 'Receiving'] as const;
export type GroupName = (typeof GROUP_NAMES)[number];

/**
 * "The Workflow Pending Activity field contains events such as Order Approvals, Handle
 * Assignment, Handle Shipping, Handle Receiving": one event per activity kind, named
 * by the kind. "Approval notifications and assignment notifications are aggregated in
 * separate emails": a digest never mixes two of them.
 */
export type WorkflowEventType = ActivityKind;
export const EVENT_LABEL: Record<WorkflowEventType, string> = {
  Approval: 'Order Approvals',
  Assignment: 'Handle Assignment',
  Shipping: 'Handle Shipping',
  Receiving: 'Handle Receiving',
};

/** The group whose role acts on an event: its members are "always notified" of it. */
export const GROUP_OF_EVENT: Record<WorkflowEventType, GroupName> = {
  Approval: 'Approval',
  Assignment: 'Assignment',
  Shipping: 'Shipping',
  Receiving: 'Receiving',
};

/**
 * A Slack channel, or a Teams channel or group chat, registered with
 * `/prov notify channel here`. `address` is opaque to the core: the chat adapter
 * wrote it and reads it back (a Slack channel id, a stored Teams conversation reference).
 */
export interface ChatDestination {
  platform: ChatPlatform;
  address: string;
  /** What people call it: "#provisioning", "Provisioning team / General". */
  label: string;
}

/**
 * Windows in minutes; null is the seed's "<Not Set>": no aggregation (each event at
 * once), no escalation.
 */
export interface NotificationGroup {
  externalEmails: string[];
  chatDestinations: ChatDestination[];
  events: WorkflowEventType[];
  aggregationMinutes: number | null;
  escalationMinutes: number | null;
}

/** "Mail Server Name, Port, User Name, User Password, From address". The password is encrypted at rest by the repository. */
export interface SmtpSettings {
  host: string;
  port: number | null;
  user: string | null;
  password: string | null;
  from: string;
}

export interface DomainNotificationSettings {
  domain: string;
  /** "for specific Domains, these settings can be overridden"; null inherits the system's. */
  smtp: SmtpSettings | null;
  groups: Record<GroupName, NotificationGroup>;
}

/** "A Domain notification template can be used to set up values that will be applied to any new Domains." SMTP is not in it: "These settings cannot be changed in the Domain template". */
export type DomainTemplate = Omit<DomainNotificationSettings, 'domain' | 'smtp'>;

/** "Email Content URL Parameters ... used to construct a URL that will appear in the email content". */
export interface ContentUrl {
  protocol: 'http' | 'https';
  host: string;
  port: number | null;
}

export interface SystemNotificationSettings {
  smtp: SmtpSettings | null;
  contentUrl: ContentUrl | null;
  /** "Administration Notification Group": external addresses, chat destinations; administrators always. */
  administration: {
    externalEmails: string[];
    chatDestinations: ChatDestination[];
    events: SystemEventType[];
    aggregationMinutes: number | null;
  };
  /** Beyond the seed: days before a line's billing begins that the contact and partner are reminded; null: no reminder. */
  billingReminderDays: number | null;
}

/**
 * "system events such as order failures and synchronization failures": provbot has no
 * subscriber synchronization, so its system events are order failures and, ours,
 * notifications that could not be delivered after the last attempt.
 */
/** Events of the Administration notification group. */
export type SystemEventType = 'order-failure' | 'delivery-failure';

export const SYSTEM_EVENTS = ['order-failure', 'delivery-failure'] as const satisfies readonly SystemEventType[];
export const SYSTEM_EVENT_LABEL: Record<SystemEventType, string> = {
  'order-failure': 'Order failures',
  'delivery-failure': 'Undeliverable notifications',
};

const group = (event: WorkflowEventType): NotificationGroup => ({
  externalEmails: [],
  chatDestinations: [],
  events: [event],
  aggregationMinutes: null,
  escalationMinutes: null,
});

/** What a domain gets before anyone sets a template: each group told of its own event, at once, never escalated. */
export const DEFAULT_TEMPLATE: DomainTemplate = {
  groups: { Approval: group('Approval'), Assignment: group('Assignment'), Shipping: group('Shipping'), Receiving: group('Receiving') },
};

export const DEFAULT_SYSTEM_SETTINGS: SystemNotificationSettings = {
  smtp: null,
  contentUrl: null,
  administration: { externalEmails: [], chatDestinations: [], events: [...SYSTEM_EVENTS], aggregationMinutes: null },
  billingReminderDays: 3,
};

export const fromTemplate = (domain: string, template: DomainTemplate): DomainNotificationSettings => ({
  domain,
  smtp: null,
  groups: structuredClone(template.groups),
});

/** A mail server as people name it: "mailer.company.com:587" (the port only when set). */
export const serverText = (smtp: { host: string; port: number | null }): string => `${smtp.host}${smtp.port ? `:${smtp.port}` : ''}`;

/** Windows people can choose: up to a week, in whole minutes. */
export const MAX_WINDOW_MINUTES = 7 * 24 * 60;

/**
 * "Apply to all domains": the template's groups, each keeping the chat destinations the
 * domain registered (channels are registered where the bot is, per domain; the
 * template has none to give).
 */
export function withOwnChannels(template: DomainTemplate['groups'], own: DomainTemplate['groups']): DomainTemplate['groups'] {
  const groups = structuredClone(template);
  for (const name of GROUP_NAMES) groups[name].chatDestinations = own[name]?.chatDestinations ?? [];
  return groups;
}
