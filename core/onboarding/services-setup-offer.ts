import type { CoreDeps } from '../core-deps';
import { sameEmail } from '../directory/actor';
import type { DirectoryUser } from '../directory/directory';
import { hasRole } from '../directory/directory';
import type { NewDelivery } from '../notifications/delivery';
import { targetKey } from '../notifications/delivery';
import { userTargets } from '../notifications/notification-targets';
import { creatorTargets } from './customer-notices';
import type { Customer } from './onboarding';

/**
 * "A partner or a customer administrator can set up services" (Set up services for
 * trials and subscription orders): an Administrator of the customer's partner domain,
 * or the customer's own administrator. The wizard checks again on every click
 * (authorize-services-setup.ts); this only decides whom to ask.
 */
export const mayRunServicesSetup = (user: DirectoryUser, customer: Customer): boolean =>
  hasRole(user, 'Administrator', customer.domain) || sameEmail(user.email, customer.adminEmail);

/**
 * "For Subscription Orders: ... the final screen displays 'Thank you. The order has
 * been mapped correctly'. Click Next to continue to set up services for the customer."
 * Each order whose lines were onboarded because the customer for its subscription was
 * provisioned: its placer, in their direct chat, asked "Set up the services for the
 * customer now?" with the button that opens the wizard, if they may run it. Not twice
 * in one chat: the creator's own status message already asks there.
 */
export async function servicesSetupOffers(deps: CoreDeps, customer: Customer, orderNumbers: string[]): Promise<NewDelivery[]> {
  const now = deps.clock.now();
  const creatorChats = new Set(creatorTargets(deps, customer).map(targetKey));
  const offers: NewDelivery[] = [];
  for (const orderNumber of orderNumbers) {
    const order = await deps.orders.findByNumber(orderNumber);
    const placer = order && (await deps.users.findByEmail(order.placedBy.email));
    if (!placer || !mayRunServicesSetup(placer, customer)) continue;
    for (const target of userTargets(deps, placer, customer.domain)) {
      if (target.channel !== 'chat' || creatorChats.has(targetKey(target))) continue;
      offers.push({
        key: `setup-offer:${customer.id}:${orderNumber}:${targetKey(target)}`,
        target,
        content: { kind: 'services-setup-offer', customerId: customer.id, orderNumber },
        dueAt: now,
      });
    }
  }
  return offers;
}
