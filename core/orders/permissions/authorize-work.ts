import type { Actor } from '../../directory/actor';
import { sameEmail } from '../../directory/actor';
import type { Role } from '../../directory/directory';
import { ANY_DOMAIN, hasRole } from '../../directory/directory';
import { CoreError } from '../../errors';
import type { Activity, ActivityAction, DomainRules } from '../model/work-order';
import { ACTIVITY_ROLE } from '../model/work-order';
import type { Workflow } from '../model/work-order-machine';
import { applyActivityAction } from '../model/work-order-machine';

/**
 * Who may do what, by role in the order's (or subscriber's) domain. "Users assigned
 * the Ordering authorization role can add, change, or cancel their own orders or those
 * of other subscribers" (Ordering Products and Services); an Administrator may too.
 */
export function holdsAny(actor: Actor, roles: readonly Role[], domain: string): boolean {
  const user = actor.user;
  return !!user && roles.some((r) => hasRole(user, r, domain));
}

export function assertHolds(actor: Actor, roles: readonly Role[], domain: string, action: string): void {
  if (holdsAny(actor, roles, domain)) return;
  const reason = actor.user
    ? `it needs the ${roles.join(' or ')} role in ${domain}`
    : `${actor.email ?? actor.name} is not in provbot's directory, so holds no role in ${domain}`;
  throw new CoreError('NOT_AUTHORIZED', { action, reason });
}

export const ORDERING: readonly Role[] = ['Ordering', 'Administrator'];

/** "Only users assigned the Advanced Order or Administrator authorization role can access the Advanced Order Configuration pane." */
export const mayConfigureAdvanced = (actor: Actor, domain: string): boolean =>
  holdsAny(actor, ['Advanced Ordering', 'Administrator'], domain);

/** Domains whose orders the actor may see: those where they hold any role; null for every domain. */
export function visibleDomains(actor: Actor): string[] | null {
  const grants = actor.user?.roles ?? [];
  if (grants.some((g) => g.domain === ANY_DOMAIN)) return null;
  return [...new Set(grants.map((g) => g.domain))];
}

/**
 * Where the actor may search orders and subscribers: the domains where they hold
 * Ordering or Administrator ("If you are assigned the Ordering authorization role, you
 * can access ... the subscriber records of other users"), all of them for '*'. An
 * approver or shipper elsewhere sees the orders of their own activities, not a search.
 */
export function searchableDomains(actor: Actor): string[] | null {
  const grants = (actor.user?.roles ?? []).filter((g) => g.role === 'Ordering' || g.role === 'Administrator');
  if (grants.some((g) => g.domain === ANY_DOMAIN)) return null;
  return [...new Set(grants.map((g) => g.domain))];
}

export function mayRead(actor: Actor, domain: string): boolean {
  const domains = visibleDomains(actor);
  return domains === null || domains.includes(domain);
}

/**
 * Why the actor may not act on the activity, or null when they may: an Administrator
 * of the domain always may; anyone else needs the activity's role ("This user must be
 * assigned the Approval authorization role") and to be its assignee, or the one who
 * accepted it. A person it is assigned to is named as cards name them, "Arthur Approver
 * (arthur@acme.example)", when the caller has the directory's name (assignee-names.ts).
 */
export function activityRefusal(actor: Actor, activity: Activity, assigneeName: string | null = null): string | null {
  const user = actor.user;
  if (!user) return `${actor.email ?? actor.name} is not in provbot's directory`;
  if (hasRole(user, 'Administrator', activity.domain)) return null;
  const role = ACTIVITY_ROLE[activity.kind];
  if (!hasRole(user, role, activity.domain)) return `it needs the ${role} role in ${activity.domain}`;
  if (activity.status === 'Accepted' && activity.acceptedBy && !sameEmail(activity.acceptedBy.email, user.email)) {
    return `${activity.acceptedBy.name} accepted it and is working on it`;
  }
  const { assignee } = activity;
  if (assignee.kind === 'user')
    return sameEmail(assignee.email, user.email)
      ? null
      : `it is assigned to ${assigneeName ? `${assigneeName} (${assignee.email})` : assignee.email}`;
  return hasRole(user, assignee.role, activity.domain) ? null : `it is assigned to the ${assignee.role} group of ${activity.domain}`;
}

/**
 * Who may learn how an activity stands (who decided it, who holds it): those who hold
 * its role in its domain, or are Administrators there; they received it or could have.
 */
export function mayKnowActivity(actor: Actor, activity: Activity): boolean {
  return holdsAny(actor, [ACTIVITY_ROLE[activity.kind], 'Administrator'], activity.domain);
}

/** Samples that pass the machine's input checks, to ask it which actions fit now. */
const SAMPLES = (activity: Activity): ActivityAction[] => [
  { kind: 'accept' },
  { kind: 'approve' },
  { kind: 'reject' },
  { kind: 'complete', macAddress: '000000000000' },
  { kind: 'decline' },
  { kind: 'delegate', to: { kind: 'user', email: `nobody-${activity.id}@invalid.example` } },
];

/** What the actor may do with the activity now: authorized, and accepted by the state machine. */
export function allowedActions(wf: Workflow, activity: Activity, actor: Actor, rules: DomainRules, now: Date): ActivityAction['kind'][] {
  if (activityRefusal(actor, activity)) return [];
  const who = { name: actor.name, email: actor.email, channel: actor.channel };
  return SAMPLES(activity)
    .filter((action) => {
      try {
        applyActivityAction(wf, activity.id, action, who, rules, now, () => 'sample');
        return true;
      } catch {
        return false;
      }
    })
    .map((a) => a.kind);
}
