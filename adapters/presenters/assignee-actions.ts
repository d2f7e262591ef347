import type { Activity, ActivityAction } from '../../core/index';

/**
 * The buttons a posted activity message carries: what an assignee may do with the
 * activity as it stands, as the core's getActivityView allows one (approve and
 * complete also from Open, the Accept implied; Decline of an Open activity only when
 * it is with one person; nothing once decided). A Slack DM is the same for every
 * recipient; a Teams card shows these until its refresh gives each viewer their own.
 * Either way the core checks every click; assignee-actions.test.ts holds this
 * mapping to the core's own answer.
 */
export function assigneeActions(activity: Pick<Activity, 'kind' | 'status' | 'assignee'>): ActivityAction['kind'][] {
  if (activity.status !== 'Open' && activity.status !== 'Accepted') return [];
  const decide: ActivityAction['kind'][] = activity.kind === 'Approval' ? ['approve', 'reject'] : ['complete'];
  if (activity.status === 'Accepted') return [...decide, 'decline', 'delegate'];
  return ['accept', ...decide, ...(activity.assignee.kind === 'user' ? (['decline'] as const) : []), 'delegate'];
}
