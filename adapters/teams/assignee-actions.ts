import type { Activity, ActivityAction } from '../../core/index';

/**
 * The buttons of a posted activity card: what an assignee may do with the activity as
 * it stands, as the core's getActivityView allows them (work-order-machine.ts): approve
 * and complete also from Open (the Accept implied), decline of an Open activity only
 * when it is with one person, none once decided. The card is refreshed per viewer, so
 * these are what clients without user-specific views show; the core checks every click.
 */
export function assigneeActions(activity: Pick<Activity, 'kind' | 'status' | 'assignee'>): ActivityAction['kind'][] {
  if (activity.status !== 'Open' && activity.status !== 'Accepted') return [];
  const decide: ActivityAction['kind'][] = activity.kind === 'Approval' ? ['approve', 'reject'] : ['complete'];
  if (activity.status === 'Accepted') return [...decide, 'decline', 'delegate'];
  return ['accept', ...decide, ...(activity.assignee.kind === 'user' ? (['decline'] as const) : []), 'delegate'];
}
