import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { CoreError } from '../errors';
import { problem } from '../validation-problems';
import { assertMayManage } from './authorize-notification-settings';
import { assertOnlyRegisteredChannels, editContentUrl, editGroup, editSmtp, resolveSmtp } from './edit-notification-settings';
import type { ContentUrlEdits, GroupEdits, SmtpEdits } from './edit-notification-settings';
import type { SystemNotificationSettings } from './notification-settings';
import { parseSettings, ZSystemDocument } from './notification-settings.schemas';
import type { SystemSettingsView } from './notification-settings-view';
import { systemView } from './notification-settings-view';
import { systemSettings } from './read-notification-settings';

/**
 * A change to the system settings ("Configuring System Notifications"): the whole
 * document (PUT /api/notifications/system), the Administration group, the SMTP server
 * (off: provbot's own mail settings), the Email Content URL (off: provbot's own public
 * URL), or the billing reminder (ours).
 */
export type SystemChange =
  | { kind: 'document'; document: unknown }
  | { kind: 'administration'; edits: GroupEdits }
  | { kind: 'smtp'; edits: SmtpEdits }
  | { kind: 'smtp-off' }
  | { kind: 'content-url'; edits: ContentUrlEdits }
  | { kind: 'content-url-off' }
  | { kind: 'billing-reminder'; days: number | null };

export interface SetSystemNotificationsInput {
  actor: Actor;
  change: SystemChange;
}

export async function setSystemNotifications(deps: CoreDeps, input: SetSystemNotificationsInput): Promise<SystemSettingsView> {
  assertMayManage(input.actor, { kind: 'system' }, 'change the system notification settings');
  const current = await systemSettings(deps);
  const parsed = parseSettings(ZSystemDocument, candidate(current, input.change));
  assertOnlyRegisteredChannels(current.administration.chatDestinations, parsed.administration.chatDestinations, 'administration');
  const settings: SystemNotificationSettings = {
    smtp: resolveSmtp(parsed.smtp, current.smtp),
    contentUrl: parsed.contentUrl,
    administration: parsed.administration,
    billingReminderDays: parsed.billingReminderDays,
  };
  await deps.notificationSettings.saveSystem(settings);
  deps.log.info({ change: input.change.kind }, 'system notification settings saved');
  return systemView(deps);
}

function candidate(current: SystemNotificationSettings, change: SystemChange): unknown {
  switch (change.kind) {
    case 'document':
      return change.document;
    case 'administration':
      // "Administration Notification Group" has External Email Addresses and an Aggregation window; nothing escalates system events.
      if (change.edits.escalationMinutes !== undefined) {
        throw new CoreError('VALIDATION_FAILED', {
          fields: [problem('administration.escalationMinutes', 'Only the domain groups have one; system events are not escalated')],
        });
      }
      return { ...current, administration: editGroup(current.administration, change.edits, 'administration') };
    case 'smtp':
      return { ...current, smtp: editSmtp(current.smtp, change.edits) };
    case 'smtp-off':
      return { ...current, smtp: null };
    case 'content-url':
      return { ...current, contentUrl: editContentUrl(current.contentUrl, change.edits) };
    case 'content-url-off':
      return { ...current, contentUrl: null };
    case 'billing-reminder':
      return { ...current, billingReminderDays: change.days };
  }
}
