import type { CoreDeps } from '../core-deps';
import type { DirectoryUser } from '../directory/directory';
import type { DeliveryTarget, NewDelivery } from '../notifications/delivery';
import { shortHash, targetKey } from '../notifications/delivery';
import { userTargets } from '../notifications/notification-targets';
import type { Order } from '../provisioning/provisioning';
import type { AccessRequest, PostedMessage } from './access-request';

/**
 * The notices of an access request, written to the outbox with the request or its
 * decision: the content names the request, so each copy shows it as it stands when sent.
 */

/** The placer: a direct message on each running platform that knows them, and an email with signed links. */
export function requestDeliveries(deps: CoreDeps, request: AccessRequest, order: Order, approver: DirectoryUser | null): NewDelivery[] {
  const placer = approver ?? {
    id: '',
    email: order.placedBy.email,
    name: order.placedBy.name,
    slackUserId: null,
    teamsUserId: null,
    roles: [],
  };
  const now = deps.clock.now();
  return userTargets(deps, placer, order.domain).map((target) => ({
    key: `access:${request.id}:${targetKey(target)}`,
    target,
    content: { kind: 'access-request', requestId: request.id },
    dueAt: now,
  }));
}

/**
 * A domain request: every Administrator of the domain, in a direct chat on each running
 * platform that knows them, else by email ("chat where they can be reached, else email").
 */
export function domainRequestDeliveries(
  deps: Pick<CoreDeps, 'clock' | 'chat'>,
  request: AccessRequest,
  administrators: DirectoryUser[],
): NewDelivery[] {
  const now = deps.clock.now();
  return administrators.flatMap((admin) => {
    const targets = userTargets(deps, admin, request.domain);
    const chats = targets.filter((t) => t.channel === 'chat');
    return (chats.length ? chats : targets).map(
      (target): NewDelivery => ({
        key: `access:${request.id}:${targetKey(target)}`,
        target,
        content: { kind: 'access-request', requestId: request.id },
        dueAt: now,
      }),
    );
  });
}

/**
 * After a decision: every posted copy updated in place, so nobody can click it twice,
 * and the requester told in the chat they asked from and by email.
 */
export function decisionDeliveries(deps: CoreDeps, request: AccessRequest, copies: PostedMessage[]): NewDelivery[] {
  const now = deps.clock.now();
  const updates = copies.map(
    (message): NewDelivery => ({
      key: `access-update:${request.id}:${shortHash(message.address)}`,
      target: {
        channel: 'chat',
        platform: message.platform,
        to: { kind: 'conversation', address: message.address, label: 'access request copy' },
      },
      content: { kind: 'access-request-update', requestId: request.id, message },
      dueAt: now,
    }),
  );
  const told = requesterTargets(deps, request).map(
    (target): NewDelivery => ({
      key: `access-decision:${request.id}:${targetKey(target)}`,
      target,
      content: { kind: 'access-decision', requestId: request.id },
      dueAt: now,
    }),
  );
  return [...updates, ...told];
}

function requesterTargets(deps: CoreDeps, request: AccessRequest): DeliveryTarget[] {
  const { requester } = request;
  const targets: DeliveryTarget[] = [];
  const platform = deps.chat.find((n) => n.platform === requester.channel)?.platform;
  if (platform && requester.platformUserId) {
    targets.push({
      channel: 'chat',
      platform,
      to: { kind: 'user', platformUserId: requester.platformUserId, email: requester.email ?? '' },
    });
  }
  if (requester.email) targets.push({ channel: 'email', address: requester.email, asUser: false, domain: request.domain });
  return targets;
}
