import type {
  ChatDestination,
  DomainSettingsView,
  NotificationGroup,
  NotificationOverview,
  NotificationSettingsView,
  SmtpView,
  SystemSettingsView,
  SystemUser,
  TemplateSaved,
  TemplateView,
} from '../../core/index';
import { EVENT_LABEL, GROUP_NAMES, serverText, SYSTEM_EVENT_LABEL } from '../../core/index';
import type { Field, View, ViewSection } from './view';
import { formatMinutes } from './durations';

/**
 * `notify show` and the reply to `notify set`: the settings in the seed's words
 * ("Aggregation window", "<Not Set>", "System Users"). A password shows as set or not
 * set; the core never hands it out.
 */
export interface SettingsViewOptions {
  prefix: string;
  /** The reply to a change: the title says so. */
  changed?: boolean;
}

export function presentNotificationSettings(view: NotificationSettingsView, o: SettingsViewOptions): View {
  if (view.scope === 'system') return presentSystem(view, o);
  if (view.scope === 'template') return presentTemplate(view, o);
  return presentDomain(view, o);
}

/** 30 minutes, 2 hours, 1 hour 30 minutes, 1 day; null is the seed's "<Not Set>". */
export function windowText(minutes: number | null, whenOff: string): string {
  return minutes === null ? `Not Set: ${whenOff}` : formatMinutes(minutes);
}

const listText = (items: string[], none: string) => (items.length ? items.join(', ') : none);
const destinationText = (d: ChatDestination) => `${d.label} (${d.platform === 'slack' ? 'Slack' : 'Teams'})`;
const peopleText = (people: SystemUser[], none: string) =>
  listText(
    people.map((u) => `${u.name} <${u.email}>`),
    none,
  );

/** The mail server's fields; `note` says whose it is (a domain's own, the system's). */
function smtpFields(smtp: SmtpView | null, note: string | null, whenNone: string): Field[] {
  if (!smtp) return [{ label: 'Mail server', value: whenNone }];
  const server = serverText(smtp);
  return [
    { label: 'Mail server', value: note ? `${server} (${note})` : server },
    { label: 'From address', value: smtp.from },
    { label: 'User name', value: smtp.user ?? 'none (no authentication)' },
    { label: 'Password', value: smtp.passwordSet ? 'set' : 'not set' },
  ];
}

const OWN_MAIL = "not set: provbot's own mail settings are used";

function groupSection(name: string, group: NotificationGroup, systemUsers: SystemUser[] | null, role: string): ViewSection {
  return {
    heading: `${name} group`,
    fields: [
      {
        label: 'Events',
        value: listText(
          group.events.map((e) => EVENT_LABEL[e]),
          'none',
        ),
      },
      { label: 'External email addresses', value: listText(group.externalEmails, 'none') },
      { label: 'Chat destinations', value: listText(group.chatDestinations.map(destinationText), 'none') },
      { label: 'Aggregation window', value: windowText(group.aggregationMinutes, 'each event is sent at once') },
      { label: 'Escalation window', value: windowText(group.escalationMinutes, 'no escalation') },
      ...(systemUsers
        ? [{ label: 'System users (always notified)', value: peopleText(systemUsers, `nobody holds the ${role} role here`) }]
        : []),
    ],
  };
}

function presentDomain(view: DomainSettingsView, o: SettingsViewOptions): View {
  const mail = view.smtp
    ? smtpFields(view.smtp, "this domain's own", OWN_MAIL)
    : smtpFields(
        view.systemSmtp,
        'inherited from the system settings',
        `inherited from the system settings, which set none: provbot's own mail settings are used`,
      );
  return {
    title: `Notification settings of ${view.domain}${o.changed ? ' saved' : ''}`,
    tone: o.changed ? 'success' : 'info',
    paragraphs: view.followsTemplate
      ? [`${view.domain} follows the domain template: it has no settings of its own yet. A change here gives it its own.`]
      : [],
    fields: mail,
    sections: GROUP_NAMES.map((g) => groupSection(g, view.groups[g], view.systemUsers[g], g)),
    footnote: `Change with "${o.prefix}notify set ${view.domain} <group> key=value", test with "${o.prefix}notify test <email> ${view.domain}". "${o.prefix}notify help" lists the keys.`,
  };
}

function presentTemplate(view: TemplateView, o: SettingsViewOptions): View {
  return {
    title: `Domain notification template${o.changed ? ' saved' : ''}`,
    tone: o.changed ? 'success' : 'info',
    paragraphs: [
      "Applied to new domains, and to existing ones when saved with apply=all. The mail server is the system's and cannot be changed in the template; a domain may override it.",
    ],
    fields: smtpFields(view.systemSmtp, 'from the system settings, read-only here', `from the system settings: ${OWN_MAIL}`),
    sections: GROUP_NAMES.map((g) => groupSection(g, view.groups[g], null, g)),
    footnote: `Change with "${o.prefix}notify set template <group> key=value [apply=all]".`,
  };
}

function presentSystem(view: SystemSettingsView, o: SettingsViewOptions): View {
  const url = view.contentUrl
    ? `${view.contentUrl.protocol}://${view.contentUrl.host}${view.contentUrl.port ? `:${view.contentUrl.port}` : ''}`
    : "not set: links use provbot's own address";
  const admin = view.administration;
  return {
    title: `System notification settings${o.changed ? ' saved' : ''}`,
    tone: o.changed ? 'success' : 'info',
    paragraphs: [],
    fields: [
      ...smtpFields(view.smtp, null, OWN_MAIL),
      { label: 'Email content URL', value: url },
      {
        label: 'Billing reminder',
        value:
          view.billingReminderDays === null
            ? 'off'
            : `${view.billingReminderDays} day${view.billingReminderDays === 1 ? '' : 's'} before billing begins`,
      },
    ],
    sections: [
      {
        heading: 'Administration group',
        fields: [
          {
            label: 'Events',
            value: listText(
              admin.events.map((e) => SYSTEM_EVENT_LABEL[e]),
              'none',
            ),
          },
          { label: 'External email addresses', value: listText(admin.externalEmails, 'none') },
          { label: 'Chat destinations', value: listText(admin.chatDestinations.map(destinationText), 'none') },
          { label: 'Aggregation window', value: windowText(admin.aggregationMinutes, 'each event is sent at once') },
          { label: 'System users (always notified)', value: peopleText(view.systemUsers, 'no Administrator of every domain') },
        ],
      },
    ],
    footnote: `Change with "${o.prefix}notify set system administration|smtp|url|billing-reminder key=value".`,
  };
}

/** `notify show` alone: a line per group, and which domains have settings of their own. */
export function presentNotificationOverview(overview: NotificationOverview, prefix: string): View {
  const short = (minutes: number | null) => (minutes === null ? 'off' : windowText(minutes, ''));
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const groupLine = (g: NotificationGroup) =>
    `${count(g.externalEmails.length, 'address', 'addresses')}, ${count(g.chatDestinations.length, 'chat destination')}, aggregation ${short(g.aggregationMinutes)}, escalation ${short(g.escalationMinutes)}`;
  const sections: ViewSection[] = [];
  if (overview.system) sections.push({ heading: 'System', fields: presentSystem(overview.system, { prefix }).fields!.slice(0, 1) });
  if (overview.template)
    sections.push({
      heading: 'Domain template',
      fields: GROUP_NAMES.map((g) => ({ label: g, value: groupLine(overview.template!.groups[g]) })),
    });
  sections.push({
    heading: 'Domains',
    fields: overview.domains.map((d) => ({
      label: d.domain,
      value: d.followsTemplate ? 'follows the template' : 'has settings of its own',
    })),
    ...(overview.domains.length ? {} : { note: 'No domains yet.' }),
  });
  return {
    title: 'Notification settings',
    tone: 'info',
    paragraphs: [],
    sections,
    footnote: `The detail: "${prefix}notify show ${overview.system ? 'system|template|' : ''}<domain>". "${prefix}notify help" lists what you can change.`,
  };
}

/** The reply to `notify set template`: what happened to the domains that exist. */
export function presentTemplateSaved(saved: TemplateSaved, prefix: string): View {
  const view = presentTemplate(saved.template, { prefix, changed: true });
  const n = saved.existingDomains.length;
  const domains = `${n} existing domain${n === 1 ? '' : 's'}`;
  const said =
    saved.applyTo === 'all'
      ? `Applied to all domains: the ${domains} now work by these groups (each keeps its own mail server).`
      : `Saved for domains created from now on. The ${domains} keep the settings they had ("Apply to domain template only"); add apply=all to apply it to them.`;
  return { ...view, paragraphs: [said, ...view.paragraphs] };
}
