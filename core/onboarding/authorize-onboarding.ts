import type { Actor } from '../directory/actor';
import { ANY_DOMAIN, hasRole } from '../directory/directory';
import { CoreError } from '../errors';
import type { DomainScope } from '../ports/onboarding-repository.port';
import type { CreatedBy } from './onboarding';

/**
 * "Templates and customers belong to a partner domain. Its Administrators create
 * templates and customers and set customers up." Anyone holding a role in the domain
 * may read them; a stranger to the domain learns nothing, not even that an id exists.
 */
export function assertMayManageOnboarding(actor: Actor, domain: string, action: string): void {
  if (actor.user && hasRole(actor.user, 'Administrator', domain)) return;
  const reason = actor.user
    ? `it needs the Administrator role in ${domain}; ask one of its administrators`
    : `${actor.email ?? actor.name} is not in provbot's directory, so holds no role in ${domain}`;
  throw new CoreError('NOT_AUTHORIZED', { action, reason });
}

/**
 * Who may write in a partner domain's onboarding: its Administrator does it; a member
 * (any role in the domain) may ask its administrators for it (request-domain-access.ts);
 * a stranger gets the answer assertMayManageOnboarding gives, and no request is made.
 */
export function onboardingStanding(actor: Actor, domain: string, action: string): 'administrator' | 'member' {
  if (actor.user && hasRole(actor.user, 'Administrator', domain)) return 'administrator';
  if (mayReadOnboarding(actor, domain)) return 'member';
  assertMayManageOnboarding(actor, domain, action);
  throw new Error('unreachable: assertMayManageOnboarding refuses a non-administrator');
}

export function mayReadOnboarding(actor: Actor, domain: string): boolean {
  return !!actor.user?.roles.some((g) => g.domain === domain || g.domain === ANY_DOMAIN);
}

/** The domains whose templates and customers a listing shows the actor. */
export function readScope(actor: Actor): DomainScope {
  const roles = actor.user?.roles ?? [];
  if (roles.some((g) => g.domain === ANY_DOMAIN)) return 'all';
  return [...new Set(roles.map((g) => g.domain))];
}

export const createdByOf = (actor: Actor): CreatedBy => ({
  name: actor.name,
  email: actor.email,
  channel: actor.channel,
  platformUserId: actor.platformUserId,
});
