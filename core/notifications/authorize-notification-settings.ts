import type { Actor } from '../directory/actor';
import { ANY_DOMAIN, hasRole } from '../directory/directory';
import { CoreError } from '../errors';

/** What a notification command is about: the system, the domain template, or one domain. */
export type SettingsScope = { kind: 'system' } | { kind: 'template' } | { kind: 'domain'; domain: string };

/**
 * Notification settings are an Administrator's ("Administration > Provisioning
 * Notification Management"): a domain's belong to the Administrators of that domain;
 * the system settings and the template, which reach every domain, to those holding the
 * role everywhere ('*').
 */
export function assertMayManage(actor: Actor, scope: SettingsScope, action: string): void {
  const reason = refusal(actor, scope);
  if (reason) throw new CoreError('NOT_AUTHORIZED', { action, reason });
}

export const mayManage = (actor: Actor, scope: SettingsScope): boolean => refusal(actor, scope) === null;

function refusal(actor: Actor, scope: SettingsScope): string | null {
  const user = actor.user;
  const domain = scope.kind === 'domain' ? scope.domain : ANY_DOMAIN;
  if (user && hasRole(user, 'Administrator', domain)) return null;
  if (!user) return `${actor.email ?? actor.name} is not in provbot's directory, so holds no role`;
  if (scope.kind === 'domain') return `it needs the Administrator role in ${domain}`;
  return `it needs the Administrator role in every domain (*): ${scope.kind === 'system' ? 'the system settings reach' : 'the domain template reaches'} every domain`;
}
