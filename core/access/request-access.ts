import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import type { Order } from '../provisioning/provisioning';
import type { AccessRequest, RequestedAction } from './access-request';

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
 * chat platform that knows them, and by email. A failed channel does not stop the
 * others. `order` is null when no such order exists, or the request could not run
 * (lines it lacks, lines past the PONR): the requester hears the same words, so order
 * numbers cannot be probed, and nothing is sent.
 */
export async function requestAccess(
  deps: CoreDeps,
  input: { actor: Actor; orderNumber: string; order: Order | null; action: RequestedAction },
): Promise<AccessRequested> {
  const { actor, order } = input;
  deps.limits.take('accessRequests', input.actor);
  const answer = (state: AccessRequested['state']): AccessRequested => ({ kind: 'access-requested', orderNumber: input.orderNumber, state });
  if (!order) return answer('sent');
  const { request, created } = await deps.accessRequests.open({
    orderNumber: order.number,
    domain: order.domain,
    action: input.action,
    requester: { name: actor.name, email: actor.email, channel: actor.channel, platformUserId: actor.platformUserId },
    approver: { email: order.placedBy.email, name: order.placedBy.name },
    createdAt: deps.clock.now(),
  });
  if (!created) return answer('waiting');
  await deliverRequest(deps, request, order);
  return answer('sent');
}

async function deliverRequest(deps: CoreDeps, request: AccessRequest, order: Order): Promise<void> {
  const approver = await deps.users.findByEmail(order.placedBy.email);
  let delivered = 0;
  for (const notifier of deps.chat) {
    try {
      const posted = await notifier.sendAccessRequest({ request, order, approver });
      if (!posted) continue;
      await deps.accessRequests.addPostedMessage(request.id, posted);
      delivered++;
    } catch (err) {
      deps.log.warn({ requestId: request.id, platform: notifier.platform, reason: String(err) }, 'access request not posted');
    }
  }
  try {
    await deps.email.sendAccessRequest({ request, order });
    delivered++;
  } catch (err) {
    deps.log.warn({ requestId: request.id, reason: String(err) }, 'access request email not sent');
  }
  if (delivered === 0) deps.log.error({ requestId: request.id, orderNumber: order.number }, 'access request reached nobody');
}
