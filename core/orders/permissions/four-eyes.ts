import type { CoreDeps } from '../../core-deps';
import type { Actor } from '../../directory/actor';
import { sameEmail } from '../../directory/actor';
import { CoreError } from '../../errors';
import type { Activity, DomainRules, WorkOrder } from '../model/work-order';

/**
 * Four eyes: the person who placed a work order does not approve it while someone else
 * in the domain holds the Approval role, unless the domain's rules allow it
 * (AllowAuthorToApprove). An author who is the domain's only approver may: otherwise the
 * order could never be approved.
 */
export async function assertFourEyes(
  deps: CoreDeps,
  actor: Actor,
  activity: Activity,
  order: WorkOrder,
  rules: DomainRules,
): Promise<void> {
  if (activity.kind !== 'Approval' || rules.allowAuthorToApprove) return;
  const me = actor.user?.email ?? actor.email;
  if (!me || !sameEmail(order.author.email, me)) return;
  const others = (await deps.users.listByRole('Approval', activity.domain)).filter((u) => !sameEmail(u.email, me));
  if (others.length === 0) return;
  const names = others.slice(0, 3).map((u) => u.name);
  const more = others.length > names.length ? ` or ${others.length - names.length} more` : '';
  throw new CoreError('NOT_AUTHORIZED', {
    action: `approve order ${order.number}`,
    reason: `you placed it, so another approver in ${activity.domain} must approve it (${names.join(', ')}${more}); an Administrator can turn on the domain's "Author may approve own orders" rule (rules ${activity.domain} set author-approves true)`,
  });
}
