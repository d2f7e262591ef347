import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import type { ChatPlatform } from '../directory/directory';
import type { Order } from '../provisioning/provisioning';
import type { AccessRequest, RequestedAction } from './access-request';

export interface AccessRequested {
  kind: 'access-requested';
  request: AccessRequest;
  /** Where the placer was asked: the chat platforms that reached them, and email. */
  deliveredTo: (ChatPlatform | 'email')[];
}

/**
 * "If you do not have access ... Reach out to the contact who placed the order"
 * (ccw-resend-provisioning-email): the placer receives an actionable request in each
 * chat platform that knows them, and by email. A failed channel does not stop the
 * others; the request stands as long as at least one copy went out.
 */
export async function requestAccess(
  deps: CoreDeps,
  input: { actor: Actor; order: Order; action: RequestedAction },
): Promise<AccessRequested> {
  const { actor, order } = input;
  const request = await deps.accessRequests.create({
    orderNumber: order.number,
    domain: order.domain,
    action: input.action,
    requester: { name: actor.name, email: actor.email, channel: actor.channel, platformUserId: actor.platformUserId },
    approver: { email: order.placedBy.email, name: order.placedBy.name },
    createdAt: deps.clock.now(),
  });
  const approver = await deps.users.findByEmail(order.placedBy.email);
  const deliveredTo: AccessRequested['deliveredTo'] = [];

  for (const notifier of deps.chat) {
    try {
      const posted = await notifier.sendAccessRequest({ request, order, approver });
      if (!posted) continue;
      await deps.accessRequests.addPostedMessage(request.id, posted);
      deliveredTo.push(notifier.platform);
    } catch (err) {
      deps.log.warn({ requestId: request.id, platform: notifier.platform, reason: String(err) }, 'access request not posted');
    }
  }
  try {
    await deps.email.sendAccessRequest({ request, order });
    deliveredTo.push('email');
  } catch (err) {
    deps.log.warn({ requestId: request.id, reason: String(err) }, 'access request email not sent');
  }
  return { kind: 'access-requested', request, deliveredTo };
}
