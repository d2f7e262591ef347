import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import type { ChatPlatform } from '../directory/directory';
import { noWrites } from '../notifications/delivery';
import type { NewDelivery } from '../notifications/delivery';
import type { Order } from '../provisioning/provisioning';
import type { AccessRequest, RequestedAction } from './access-request';
import { askedVia, requestDeliveries } from './plan-access-notices';

export interface AccessRequested {
  kind: 'access-requested';
  request: AccessRequest;
  /** Where the placer is asked: the chat platforms that know them, and email. */
  deliveredTo: (ChatPlatform | 'email')[];
}

/**
 * "If you do not have access ... Reach out to the contact who placed the order"
 * (ccw-resend-provisioning-email): the placer receives an actionable request in each
 * chat platform that knows them, and by email. The request and its notices are stored
 * in one transaction; the outbox sends each copy with retries, so a platform or mail
 * server that is down delays a copy rather than losing it.
 */
export async function requestAccess(
  deps: CoreDeps,
  input: { actor: Actor; order: Order; action: RequestedAction },
): Promise<AccessRequested> {
  const { actor, order } = input;
  const approver = await deps.users.findByEmail(order.placedBy.email);
  let deliveries: NewDelivery[] = [];
  const request = await deps.accessRequests.create(
    {
      orderNumber: order.number,
      domain: order.domain,
      action: input.action,
      requester: { name: actor.name, email: actor.email, channel: actor.channel, platformUserId: actor.platformUserId },
      approver: { email: order.placedBy.email, name: order.placedBy.name },
      createdAt: deps.clock.now(),
    },
    (created) => {
      deliveries = requestDeliveries(deps, created, order, approver);
      return { ...noWrites(), deliveries };
    },
  );
  await deps.deliveries.deliveriesWritten();
  return { kind: 'access-requested', request, deliveredTo: askedVia(deliveries) };
}
