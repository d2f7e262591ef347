import type { CoreDeps } from '../core-deps';
import type { DeliveryTarget, NewDelivery } from '../notifications/delivery';
import { targetKey } from '../notifications/delivery';
import type { Customer, CustomerStatus } from './onboarding';

/** Statuses after which the organization exists and its administrator can sign in. */
export const ORGANIZATION_READY: readonly CustomerStatus[] = ['provisioned', 'provisioned_with_errors'];

/**
 * What a settled creation tells: its creator, in chat where they asked (by email when
 * they asked through the API with an address), each status once; and, once the
 * organization exists, the welcome email to the customer's administrator with the Get
 * Started link. The chat message is a new one: updating the first reply in place needs
 * the posted reply's address, which the chat adapters do not hand to the core yet.
 */
export function settleDeliveries(deps: CoreDeps, customer: Customer, status: CustomerStatus): NewDelivery[] {
  const now = deps.clock.now();
  const told = creatorTargets(deps, customer).map(
    (target): NewDelivery => ({
      key: `customer-status:${customer.id}:${status}:${targetKey(target)}`,
      target,
      content: { kind: 'customer-status', customerId: customer.id, status },
      dueAt: now,
    }),
  );
  if (!ORGANIZATION_READY.includes(status)) return told;
  const welcome: NewDelivery = {
    key: `customer-welcome:${customer.id}`,
    target: { channel: 'email', address: customer.adminEmail, asUser: false, domain: customer.domain },
    content: { kind: 'customer-welcome', customerId: customer.id },
    dueAt: now,
  };
  return [...told, welcome];
}

function creatorTargets(deps: CoreDeps, customer: Customer): DeliveryTarget[] {
  const { createdBy } = customer;
  const platform = deps.chat.find((n) => n.platform === createdBy.channel)?.platform;
  if (platform && createdBy.platformUserId) {
    return [{ channel: 'chat', platform, to: { kind: 'user', platformUserId: createdBy.platformUserId, email: createdBy.email ?? '' } }];
  }
  return createdBy.email ? [{ channel: 'email', address: createdBy.email, asUser: false, domain: customer.domain }] : [];
}
