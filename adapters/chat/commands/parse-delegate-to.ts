import type { Assignee, Role } from '../../../core/index';
import { ZEmail } from '../../../core/index';

export type DelegateTo = { ok: true; to: Assignee } | { ok: false; problem: string };

/**
 * The groups an activity can be delegated to: each activity's own group ("Processing
 * Orders": Approval, Assignment, Shipping, Receiving). The hint under the input and the
 * refusal of a typed value both name exactly these.
 */
export const DELEGATE_GROUPS: Role[] = ['Approval', 'Assignment', 'Shipping', 'Receiving'];

const GROUPS_TEXT = `${DELEGATE_GROUPS.slice(0, -1).join(', ')} or ${DELEGATE_GROUPS.at(-1)}`;

/** Under the "Delegate to" input on Slack and Teams. */
export const DELEGATE_HINT = `The email address of a person, or the activity's group: ${GROUPS_TEXT}. A person must hold that group's role in the order's domain.`;
export const DELEGATE_PLACEHOLDER = `name@example.com or ${GROUPS_TEXT}`;

/**
 * What a user typed in the "Delegate to" box: an email address delegates to that
 * person, a group name (or `group:<Role>`, as `rules set` writes it) to everyone with
 * that role in the order's domain ("assigned to a user or a group"). Whether the
 * person or group may take the activity is the core's to decide.
 */
export function parseDelegateTo(text: string | null | undefined): DelegateTo {
  const typed = (text ?? '').trim();
  if (typed === '') return { ok: false, problem: `Type the email address of a person, or a group: ${GROUPS_TEXT}.` };
  const groupName = typed.replace(/^group:\s*/i, '').toLowerCase();
  const role = DELEGATE_GROUPS.find((r) => r.toLowerCase() === groupName);
  if (role) return { ok: true, to: { kind: 'group', role } };
  const email = ZEmail.safeParse(typed);
  if (email.success) return { ok: true, to: { kind: 'user', email: email.data } };
  return {
    ok: false,
    problem: `"${typed.slice(0, 60)}" is neither an email address nor a group. Type the email address of a person, or a group: ${GROUPS_TEXT}.`,
  };
}
