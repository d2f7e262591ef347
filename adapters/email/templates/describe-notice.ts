import type { Activity } from '../../../core/index';
import { assigneeText } from '../../presenters/work-order-text';

/** Wording shared by the activity, digest and alert emails. */

/** Signed one-click links for one recipient and one activity. */
export interface ActivityLinks {
  approveUrl: string;
  declineUrl: string;
  expiresAt: Date;
}

/** Where the people who act on activities do it, for emails that carry no links. */
export const WHERE_TO_ACT = 'in Slack (/prov activities) or Microsoft Teams (send "activities" to provbot)';

/** Who an activity waits for: "you", "Carol Clerk (carol@acme.example)", "the Approval group in acme.example" (as the chat card says). */
export function describeAssignee(activity: Activity, to: string, assigneeName?: string | null): string {
  if (activity.assignee.kind === 'user' && sameAddress(activity.assignee.email, to)) return 'you';
  return assigneeText(activity.assignee, activity.domain, assigneeName);
}

export const sameAddress = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
