import type { View } from './view';

/** `notify` and `notify help`: every form, with the keys each takes. `prefix` as in presentHelp. */
export function presentNotifyHelp(prefix: string): View {
  const p = `${prefix}notify`;
  return {
    title: 'Notification settings',
    tone: 'info',
    paragraphs: [
      `${p} show [system|template|<domain>]: the settings (alone: what you administer). Passwords are never shown.`,
      `${p} set <domain>|template <approval|assignment|shipping|receiving> key=value ...: emails=a@x.com,b@y.com (the whole list), add-email=, remove-email=, events=approval,assignment, aggregation=30m|2h|1d|off, escalation=2h|off. For the template also apply=template (new domains only, the default) or apply=all (every domain now).`,
      `${p} set system administration key=value ...: emails=, add-email=, remove-email=, events=order-failure,delivery-failure, aggregation=`,
      `${p} set <domain>|system smtp host=... port=... user=... password=... from=... (or smtp off): the mail server. A domain without its own uses the system's.`,
      `${p} set system url protocol=https host=... port=... (or url off): the address links in emails point to.`,
      `${p} set system billing-reminder days=3 (or days=off)`,
      `${p} test <email> [<domain>|system] [smtp key=value ...]: send a test email with the settings as entered. Nothing is saved.`,
      `${p} channel here|remove <domain> <group> (or system administration): typed in a channel, that channel gets (or stops getting) the group's notices.`,
      `${p} test channel <domain> <group>: post a test notice to the group's channels.`,
      `${p} outbox [retry [<id>]]: notices waiting to go out and those given up on after their last attempt, each with its id; retry sends them all again once the cause is fixed, retry <id> just that one.`,
      `Example: ${p} set acme.example approval add-email=it-lead@acme.example aggregation=30m escalation=4h`,
    ],
    footnote:
      "Windows are whole minutes up to a week. A domain's settings are for its Administrators; the system settings and the template, for Administrators of every domain.",
  };
}
