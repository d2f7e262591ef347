import { sameEmail } from '../directory/actor';
import type { Actor } from '../directory/actor';
import { hasRole } from '../directory/directory';
import { CoreError } from '../errors';
import { mayReadOnboarding } from '../onboarding/authorize-onboarding';
import type { CustomerForSetup } from '../ports/customer-directory.port';
import type { ServicesSetupDeps } from './services-setup-deps';

/** The customer's own administrators: the administrator email given at creation, and those added since. */
export const isCustomerAdministrator = (customer: CustomerForSetup, email: string | null | undefined): boolean =>
  sameEmail(customer.adminEmail, email) || customer.administrators.some((a) => sameEmail(a.email, email));

/**
 * "A partner or a customer administrator can set up services" (seed): the partner
 * domain's Administrators, or the customer's administrator once known in the
 * directory, for that customer only.
 */
export async function authorizeServicesSetup(deps: ServicesSetupDeps, actor: Actor, customerId: string, action: string) {
  const { customer, standing } = await servicesSetupStanding(deps, actor, customerId, action);
  if (standing === 'allowed') return customer;
  throw refused(customer, action);
}

/**
 * As authorizeServicesSetup, but a member of the customer's partner domain (any role in
 * it) comes back as 'member' instead of refused: "anyone else gets the same
 * access-request treatment as the partner flows (the request goes to the domain's
 * administrators)". Everyone else is refused as before, and no request is made for them.
 */
export async function servicesSetupStanding(
  deps: Pick<ServicesSetupDeps, 'customers'>,
  actor: Actor,
  customerId: string,
  action: string,
): Promise<{ customer: CustomerForSetup; standing: 'allowed' | 'member' }> {
  const customer = await deps.customers.findCustomerForSetup(customerId);
  if (!customer) throw new CoreError('CUSTOMER_NOT_FOUND', { customerId });
  const user = actor.user;
  if (user && (hasRole(user, 'Administrator', customer.partnerDomain) || isCustomerAdministrator(customer, user.email)))
    return { customer, standing: 'allowed' };
  if (mayReadOnboarding(actor, customer.partnerDomain)) return { customer, standing: 'member' };
  throw refused(customer, action);
}

const refused = (customer: CustomerForSetup, action: string) =>
  new CoreError('NOT_AUTHORIZED', {
    action,
    reason: `only administrators of the partner ${customer.partnerDomain} or ${customer.name}'s own administrators may do that`,
  });

/** Who did it, as recorded on the setup: their verified email, else their name (the API's actor has none). */
export const recordedAs = (actor: Actor): string => actor.email ?? actor.name;
