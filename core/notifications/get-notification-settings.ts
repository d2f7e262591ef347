import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { assertMayManage } from './authorize-notification-settings';
import { parseDomainName } from '../directory/domain-name';
import type { SettingsScope } from './authorize-notification-settings';
import type { NotificationSettingsView } from './notification-settings-view';
import { domainView, systemView, templateView } from './notification-settings-view';

export interface GetNotificationSettingsInput {
  actor: Actor;
  scope: SettingsScope;
}

/**
 * `notify show system|template|<domain>`, GET /api/notifications/...: the settings as they
 * work now (a domain without its own shows the template's), passwords as set or not.
 */
export async function getNotificationSettings(deps: CoreDeps, input: GetNotificationSettingsInput): Promise<NotificationSettingsView> {
  const scope: SettingsScope =
    input.scope.kind === 'domain' ? { kind: 'domain', domain: parseDomainName(input.scope.domain) } : input.scope;
  switch (scope.kind) {
    case 'system':
      assertMayManage(input.actor, scope, 'see the system notification settings');
      return systemView(deps);
    case 'template':
      assertMayManage(input.actor, scope, 'see the domain notification template');
      return templateView(deps);
    case 'domain':
      assertMayManage(input.actor, scope, `see the notification settings of ${scope.domain}`);
      return domainView(deps, scope.domain);
  }
}
