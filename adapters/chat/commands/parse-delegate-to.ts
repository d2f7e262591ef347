import type { Assignee, Role } from '../../../core/index';
import { ROLES, ZEmail } from '../../../core/index';

export type DelegateTo = { ok: true; to: Assignee } | { ok: false; problem: string };

/**
 * What a user typed in the "Delegate to" box: an email address delegates to that
 * person, a role name (or `group:<Role>`, as `rules set` writes it) to everyone with
 * that role in the order's domain ("assigned to a user or a group"). Whether the
 * person or group may take the activity is the core's to decide.
 */
export function parseDelegateTo(text: string | null | undefined): DelegateTo {
  const typed = (text ?? '').trim();
  if (typed === '') return { ok: false, problem: `Type an email address, or a group: ${ROLES.join(', ')}.` };
  const roleName = typed.replace(/^group:\s*/i, '').toLowerCase();
  const role = ROLES.find((r) => r.toLowerCase() === roleName);
  if (role) return { ok: true, to: { kind: 'group', role: role as Role } };
  const email = ZEmail.safeParse(typed);
  if (email.success) return { ok: true, to: { kind: 'user', email: email.data } };
  return { ok: false, problem: `"${typed.slice(0, 60)}" is neither an email address nor a group. Groups: ${ROLES.join(', ')}.` };
}
