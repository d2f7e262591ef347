import type { CoreDeps } from '../../core-deps';
import type { Activity } from '../model/work-order';

/**
 * Cards say who an activity waits for by name ("Assigned to: Abe Approver (abe@acme.example)")
 * rather than by an address alone; the names come from the directory.
 */

/** The directory's name of the person the activity is assigned to; null for a group or someone not in the directory. */
export async function assigneeNameOf(deps: CoreDeps, activity: Activity): Promise<string | null> {
  if (activity.assignee.kind !== 'user') return null;
  return (await deps.users.findByEmail(activity.assignee.email))?.name.trim() || null;
}

/** The directory's name of each person the activities are assigned to, by the email each activity holds. */
export async function assigneeNames(deps: CoreDeps, activities: readonly Activity[]): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  for (const a of activities) {
    if (a.assignee.kind !== 'user' || a.assignee.email in names) continue;
    const name = await assigneeNameOf(deps, a);
    if (name) names[a.assignee.email] = name;
  }
  return names;
}
