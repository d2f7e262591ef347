import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { noWrites } from '../notifications/delivery';
import type { Order } from '../provisioning/provisioning';
import type { RequestedAction } from './access-request';
import { requestDeliveries } from './plan-access-notices';

/**
 * What someone without access is told, and nothing more (not who placed the order,
 * nor where they were asked, nor whether the order exists): 'sent' when the placer was
 * asked now, 'waiting' when a request of theirs for that order and action is still
 * open, so nothing went out again.
 */
export interface AccessRequested {
  kind: 'access-requested';
  orderNumber: string;
  state: 'sent' | 'waiting';
}

/**
 * "If you do not have access ... Reach out to the contact who placed the order"
 * (ccw-resend-provisioning-email): the placer receives an actionable request in each
 * chat platform that knows them, and by email. The request and its notices are stored
 * in one transaction; the outbox sends each copy with retries, so a platform or mail
 * server that is down delays a copy rather than losing it. `order` is null when no
 * such order exists, or the request could not run (lines it lacks, lines past the
 * PONR): the requester hears the same words, so order numbers cannot be probed, and
 * nothing is sent.
 */
export async function requestAccess(
  deps: CoreDeps,
  input: { actor: Actor; orderNumber: string; order: Order | null; action: RequestedAction },
): Promise<AccessRequested> {
  const { actor, order } = input;
  deps.limits.take('accessRequests', input.actor);
  const answer = (state: AccessRequested['state']): AccessRequested => ({
    kind: 'access-requested',
    orderNumber: input.orderNumber,
    state,
  });
  if (!order) return answer('sent');
  const approver = await deps.users.findByEmail(order.placedBy.email);
  const { created } = await deps.accessRequests.open(
    {
      orderNumber: order.number,
      domain: order.domain,
      action: input.action,
      requester: { name: actor.name, email: actor.email, channel: actor.channel, platformUserId: actor.platformUserId },
      approver: { email: order.placedBy.email, name: order.placedBy.name },
      createdAt: deps.clock.now(),
    },
    (request) => ({ ...noWrites(), deliveries: requestDeliveries(deps, request, order, approver) }),
  );
  if (!created) return answer('waiting');
  await deps.deliveries.deliveriesWritten();
  return answer('sent');
}
