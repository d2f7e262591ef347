import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { assertMayManage } from './authorize-notification-settings';
import { parseDomainName } from '../directory/domain-name';
import type { ChatDestination, GroupName } from './notification-settings';
import { domainSettingsFor, systemSettings } from './read-notification-settings';

/** The group a chat destination serves: one of a domain's four, or the system's Administration group. */
export type DestinationScope = { kind: 'domain'; domain: string; group: GroupName } | { kind: 'system' };

export const destinationScopeName = (scope: DestinationScope): string =>
  scope.kind === 'domain' ? `the ${scope.group} group of ${scope.domain}` : 'the system Administration group';

export const sameDestination = (a: ChatDestination, b: ChatDestination): boolean => a.platform === b.platform && a.address === b.address;

/** The scope with its domain as stored, once the actor may manage it. */
export function authorizedScope(actor: Actor, scope: DestinationScope, action: string): DestinationScope {
  const normal: DestinationScope = scope.kind === 'domain' ? { ...scope, domain: parseDomainName(scope.domain) } : scope;
  assertMayManage(
    actor,
    normal.kind === 'domain' ? { kind: 'domain', domain: normal.domain } : { kind: 'system' },
    `${action} ${destinationScopeName(normal)}`,
  );
  return normal;
}

export async function destinationsOf(deps: CoreDeps, scope: DestinationScope): Promise<ChatDestination[]> {
  if (scope.kind === 'system') return (await systemSettings(deps)).administration.chatDestinations;
  return (await domainSettingsFor(deps, scope.domain)).groups[scope.group].chatDestinations;
}

/** Writes the group's list; a domain following the template gets settings of its own. */
export async function saveDestinations(deps: CoreDeps, scope: DestinationScope, destinations: ChatDestination[]): Promise<void> {
  if (scope.kind === 'system') {
    const system = await systemSettings(deps);
    return deps.notificationSettings.saveSystem({
      ...system,
      administration: { ...system.administration, chatDestinations: destinations },
    });
  }
  const settings = await domainSettingsFor(deps, scope.domain);
  const group = settings.groups[scope.group];
  await deps.notificationSettings.saveDomain({
    ...settings,
    groups: { ...settings.groups, [scope.group]: { ...group, chatDestinations: destinations } },
  });
}
