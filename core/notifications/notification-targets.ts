import type { CoreDeps } from '../core-deps';
import type { DirectoryUser } from '../directory/directory';
import type { Activity } from '../orders/model/work-order';
import type { DeliveryTarget } from './delivery';
import { targetKey } from './delivery';
import type { ChatDestination } from './notification-settings';

/**
 * Who a notice reaches: people in their direct chat on each platform provbot runs
 * and by email; registered channels; external addresses by email only.
 */

/** The activity's assignees: a person, or everyone holding the role in the domain. */
export async function assigneesOf(deps: CoreDeps, activity: Activity): Promise<DirectoryUser[]> {
  const { assignee } = activity;
  if (assignee.kind === 'group') return deps.users.listByRole(assignee.role, activity.domain);
  const user = await deps.users.findByEmail(assignee.email);
  // Someone the directory does not know can still be reached by email.
  return [user ?? { id: '', email: assignee.email, name: assignee.email, slackUserId: null, teamsUserId: null, roles: [] }];
}

/** A person: a DM on each running platform where they have an id, and an email that may act as them. */
export function userTargets(deps: Pick<CoreDeps, 'chat'>, user: DirectoryUser, domain: string | null): DeliveryTarget[] {
  const targets: DeliveryTarget[] = [];
  for (const notifier of deps.chat) {
    const platformUserId = notifier.platform === 'slack' ? user.slackUserId : user.teamsUserId;
    if (platformUserId)
      targets.push({ channel: 'chat', platform: notifier.platform, to: { kind: 'user', platformUserId, email: user.email } });
  }
  if (user.email) targets.push({ channel: 'email', address: user.email, asUser: user.id !== '', domain });
  return targets;
}

/** A group's external addresses and registered channels (on platforms provbot runs). */
export function groupTargets(
  deps: CoreDeps,
  group: { externalEmails: string[]; chatDestinations: ChatDestination[] },
  domain: string | null,
): DeliveryTarget[] {
  const running = new Set(deps.chat.map((n) => n.platform));
  return [
    ...group.chatDestinations
      .filter((d) => running.has(d.platform))
      .map(
        (d): DeliveryTarget => ({
          channel: 'chat',
          platform: d.platform,
          to: { kind: 'conversation', address: d.address, label: d.label },
        }),
      ),
    ...group.externalEmails.map((address): DeliveryTarget => ({ channel: 'email', address, asUser: false, domain })),
  ];
}

/** One target per destination: a person who is also on a group's address list gets one copy, the one that may act. */
export function uniqueTargets(targets: DeliveryTarget[]): DeliveryTarget[] {
  const seen = new Map<string, DeliveryTarget>();
  for (const target of targets) {
    const key = targetKey(target);
    const known = seen.get(key);
    if (!known || (known.channel === 'email' && target.channel === 'email' && !known.asUser && target.asUser)) seen.set(key, target);
  }
  return [...seen.values()];
}
