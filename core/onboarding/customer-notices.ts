import type { PostedMessage } from '../access/access-request';
import type { CoreDeps } from '../core-deps';
import type { DeliveryTarget, NewDelivery } from '../notifications/delivery';
import { shortHash, targetKey } from '../notifications/delivery';
import type { CustomerStatusNotice } from '../notifications/notice';
import type { Customer, CustomerStatus } from './onboarding';

/** Statuses after which the organization exists and its administrator can sign in. */
export const ORGANIZATION_READY: readonly CustomerStatus[] = ['provisioned', 'provisioned_with_errors'];

/**
 * The creator's notice as of `status`. Once the organization exists it asks to set up
 * the services: Control Hub's wizard "appears each time a partner or customer
 * administrator accesses the Control Hub, until the setup is completed" (Set up
 * services for trials and subscription orders).
 */
export function customerStatusNotice(customer: Customer, status: CustomerStatus): CustomerStatusNotice {
  return { kind: 'customer-status', customer, status, offerServicesSetup: ORGANIZATION_READY.includes(status) };
}

/**
 * "Creation is asynchronous: the reply is immediate, and one message in the
 * conversation is updated in place": a creator in chat gets one status message, posted
 * with the customer (Provisioning, with what was asked). The outbox stores where it was
 * posted (OutboxRepository.markSent), so each later status updates it. A creator
 * through the API is told by email when it settles (settleDeliveries).
 */
export function creationDeliveries(deps: CoreDeps, customer: Customer): NewDelivery[] {
  const now = deps.clock.now();
  return creatorTargets(deps, customer)
    .filter((t) => t.channel === 'chat')
    .map((target) => statusPost(customer, target, now));
}

/**
 * What a settled creation tells: the creator's status message updated in place (each
 * copy the outbox stored), or by email each status once when they asked through the
 * API; and, once the organization exists, the welcome email to the customer's
 * administrator with the Get Started link.
 */
export function settleDeliveries(deps: CoreDeps, customer: Customer, status: CustomerStatus, copies: PostedMessage[]): NewDelivery[] {
  const now = deps.clock.now();
  const told = creatorTargets(deps, customer).flatMap((target): NewDelivery[] => {
    if (target.channel === 'email') {
      const content = { kind: 'customer-status' as const, customerId: customer.id, status };
      return [{ key: `customer-status:${customer.id}:${status}:${targetKey(target)}`, target, content, dueAt: now }];
    }
    const mine = copies.filter((m) => m.platform === target.platform);
    // No copy stored yet: the status message is still on its way, and the dispatcher
    // brings it up to date once stored (catch-up-posted-copy.ts). Written again under
    // its creation key it changes nothing, and posts it for a customer created before
    // status messages were posted at creation.
    if (!mine.length) return [statusPost(customer, target, now)];
    return mine.map((message) => statusUpdate(customer.id, status, message, now));
  });
  if (!ORGANIZATION_READY.includes(status)) return told;
  const welcome: NewDelivery = {
    key: `customer-welcome:${customer.id}`,
    target: { channel: 'email', address: customer.adminEmail, asUser: false, domain: customer.domain },
    content: { kind: 'customer-welcome', customerId: customer.id },
    dueAt: now,
  };
  return [...told, welcome];
}

/** One update of a posted status message per status reached: the dispatcher's catch-up uses the same key. */
export function statusUpdate(customerId: string, status: CustomerStatus, message: PostedMessage, dueAt: Date): NewDelivery {
  return {
    key: `customer-update:${customerId}:${status}:${shortHash(message.address)}`,
    target: {
      channel: 'chat',
      platform: message.platform,
      to: { kind: 'conversation', address: message.address, label: 'status message' },
    },
    content: { kind: 'customer-status-update', customerId, message },
    dueAt,
  };
}

const statusPost = (customer: Customer, target: DeliveryTarget, dueAt: Date): NewDelivery => ({
  key: `customer-status:${customer.id}:provisioning:${targetKey(target)}`,
  target,
  content: { kind: 'customer-status', customerId: customer.id, status: 'provisioning' },
  dueAt,
});

/** The creator in the chat they asked from when it runs, else by the email they gave (the API). */
export function creatorTargets(deps: CoreDeps, customer: Customer): DeliveryTarget[] {
  const { createdBy } = customer;
  const platform = deps.chat.find((n) => n.platform === createdBy.channel)?.platform;
  if (platform && createdBy.platformUserId) {
    return [{ channel: 'chat', platform, to: { kind: 'user', platformUserId: createdBy.platformUserId, email: createdBy.email ?? '' } }];
  }
  return createdBy.email ? [{ channel: 'email', address: createdBy.email, asUser: false, domain: customer.domain }] : [];
}
