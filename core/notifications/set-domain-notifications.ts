import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { assertMayManage } from './authorize-notification-settings';
import { assertKnownDomain, parseDomainName } from '../directory/domain-name';
import { assertOnlyRegisteredChannels, editGroup, editSmtp, resolveSmtp } from './edit-notification-settings';
import type { GroupEdits, SmtpEdits } from './edit-notification-settings';
import type { DomainNotificationSettings, GroupName } from './notification-settings';
import { GROUP_NAMES } from './notification-settings';
import { parseSettings, ZDomainDocument } from './notification-settings.schemas';
import type { DomainSettingsView } from './notification-settings-view';
import { domainView } from './notification-settings-view';
import { domainSettingsFor } from './read-notification-settings';

/**
 * A change to a domain's settings: the whole document (PUT /api/notifications/domains/:domain),
 * one group's fields, or its SMTP override ("for specific Domains, these settings can
 * be overridden"; off inherits the system's again).
 */
export type DomainChange =
  | { kind: 'document'; document: unknown }
  | { kind: 'group'; group: GroupName; edits: GroupEdits }
  | { kind: 'smtp'; edits: SmtpEdits }
  | { kind: 'smtp-off' };

export interface SetDomainNotificationsInput {
  actor: Actor;
  domain: string;
  change: DomainChange;
}

/**
 * `notify set <domain> ...`, PUT /api/notifications/domains/:domain ("Configuring Domain
 * Notification", Step 10 "Click Save"). A domain still following the template gets
 * settings of its own: the template's with the change. All is validated before saving.
 */
export async function setDomainNotifications(deps: CoreDeps, input: SetDomainNotificationsInput): Promise<DomainSettingsView> {
  const domain = parseDomainName(input.domain);
  assertMayManage(input.actor, { kind: 'domain', domain }, `change the notification settings of ${domain}`);
  await assertKnownDomain(deps.users, domain);
  const current = await domainSettingsFor(deps, domain);
  const parsed = parseSettings(ZDomainDocument, candidate(current, input.change));
  for (const name of GROUP_NAMES)
    assertOnlyRegisteredChannels(current.groups[name].chatDestinations, parsed.groups[name].chatDestinations, `groups.${name}`);
  const settings: DomainNotificationSettings = { domain, smtp: resolveSmtp(parsed.smtp, current.smtp), groups: parsed.groups };
  await deps.notificationSettings.saveDomain(settings);
  deps.log.info({ domain, change: input.change.kind }, 'domain notification settings saved');
  return domainView(deps, domain);
}

function candidate(current: DomainNotificationSettings, change: DomainChange): unknown {
  switch (change.kind) {
    case 'document':
      return change.document;
    case 'group':
      return {
        ...current,
        groups: { ...current.groups, [change.group]: editGroup(current.groups[change.group], change.edits, `groups.${change.group}`) },
      };
    case 'smtp':
      return { ...current, smtp: editSmtp(current.smtp, change.edits) };
    case 'smtp-off':
      return { ...current, smtp: null };
  }
}
