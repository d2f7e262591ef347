import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { assertMayManage } from './authorize-notification-settings';
import { assertOnlyRegisteredChannels, editGroup } from './edit-notification-settings';
import type { GroupEdits } from './edit-notification-settings';
import type { DomainTemplate, GroupName } from './notification-settings';
import { GROUP_NAMES } from './notification-settings';
import { parseSettings, ZTemplateDocument } from './notification-settings.schemas';
import type { TemplateView } from './notification-settings-view';
import { templateView } from './notification-settings-view';
import { templateSettings } from './read-notification-settings';

/** The whole template (PUT /api/notifications/template, `applyTo` in the body), or one group's fields. */
export type TemplateChange = { kind: 'document'; document: unknown } | { kind: 'group'; group: GroupName; edits: GroupEdits };

/**
 * Step 7 of "Configuring a Domain Notification Template": "Click Apply to domain
 * template only to save the settings as defaults for the Domains that will be created
 * in the future. Click Apply to all domains to apply the notification settings to the
 * existing Domains." Chat says which with `apply=`; the template only is the default.
 */
export interface SetNotificationTemplateInput {
  actor: Actor;
  change: TemplateChange;
  /** Chat's `apply=`; a document says it in its own `applyTo`. */
  applyTo?: 'template' | 'all';
}

export interface TemplateSaved {
  template: TemplateView;
  applyTo: 'template' | 'all';
  /** Domains that exist now: with "template only" each keeps what it had; with "all" each now has the template's groups. */
  existingDomains: string[];
}

export async function setNotificationTemplate(deps: CoreDeps, input: SetNotificationTemplateInput): Promise<TemplateSaved> {
  assertMayManage(input.actor, { kind: 'template' }, 'change the domain notification template');
  const previous = await templateSettings(deps);
  const document =
    input.change.kind === 'document'
      ? input.change.document
      : {
          groups: {
            ...previous.groups,
            [input.change.group]: editGroup(previous.groups[input.change.group], input.change.edits, `groups.${input.change.group}`),
          },
          ...(input.applyTo ? { applyTo: input.applyTo } : {}),
        };
  const parsed = parseSettings(ZTemplateDocument, document);
  // The template has no channels to give: each domain registers its own.
  for (const name of GROUP_NAMES) assertOnlyRegisteredChannels([], parsed.groups[name].chatDestinations, `groups.${name}`);
  const template: DomainTemplate = { groups: parsed.groups };
  const existingDomains = await existingDomainsOf(deps);
  await deps.notificationSettings.saveTemplate({ template, previous, applyTo: parsed.applyTo, existingDomains });
  deps.log.info({ applyTo: parsed.applyTo, domains: existingDomains.length }, 'domain notification template saved');
  return { template: await templateView(deps), applyTo: parsed.applyTo, existingDomains };
}

/** "the existing Domains in the system": where anyone holds a role, and any with settings of their own. */
async function existingDomainsOf(deps: CoreDeps): Promise<string[]> {
  const all = new Set([...(await deps.users.listDomains()), ...(await deps.notificationSettings.listDomains())]);
  return [...all].sort();
}
