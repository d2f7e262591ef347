import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { ANY_DOMAIN } from '../directory/directory';
import { CoreError } from '../errors';
import { mayManage } from './authorize-notification-settings';
import type { SystemSettingsView, TemplateView } from './notification-settings-view';
import { systemView, templateView } from './notification-settings-view';

export interface NotificationOverview {
  /** Null when the actor is not an Administrator everywhere. */
  system: SystemSettingsView | null;
  template: TemplateView | null;
  /** The domains the actor administers that exist (someone holds a role there, or they have settings). */
  domains: { domain: string; followsTemplate: boolean }[];
}

/**
 * `notify show` alone: the system settings and the template for a system administrator,
 * and the domains whose settings the actor may manage, each as following the template
 * or having its own. `notify show <domain>` has the detail.
 */
export async function getNotificationOverview(deps: CoreDeps, input: { actor: Actor }): Promise<NotificationOverview> {
  const grants = (input.actor.user?.roles ?? []).filter((g) => g.role === 'Administrator').map((g) => g.domain);
  if (grants.length === 0) {
    const reason = input.actor.user
      ? 'it needs the Administrator role in a domain'
      : `${input.actor.email ?? input.actor.name} is not in provbot's directory, so holds no role`;
    throw new CoreError('NOT_AUTHORIZED', { action: 'see notification settings', reason });
  }
  const global = mayManage(input.actor, { kind: 'system' });
  const withSettings = new Set(await deps.notificationSettings.listDomains());
  const existing = new Set([...(await deps.users.listDomains()), ...withSettings]);
  const domains = (global ? [...existing] : grants.filter((d) => d !== ANY_DOMAIN)).sort();
  return {
    system: global ? await systemView(deps) : null,
    template: global ? await templateView(deps) : null,
    domains: [...new Set(domains)].map((domain) => ({ domain, followsTemplate: !withSettings.has(domain) })),
  };
}
