import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { hasRole } from '../directory/directory';
import { CoreError } from '../errors';
import { mayReadOnboarding } from './authorize-onboarding';
import type { Customer } from './onboarding';

/**
 * "A customer's administrator (the administrator email given at creation, once known in
 * the directory) may ... add users for that customer only", beside the partner domain's
 * Administrators. Anyone else who may read the customer is refused; a stranger learns nothing.
 */
export async function customerForUserSetup(deps: CoreDeps, actor: Actor, customerId: string, action: string): Promise<Customer> {
  const { customer, standing } = await userSetupStanding(deps, actor, customerId);
  if (standing === 'allowed') return customer;
  throw new CoreError('NOT_AUTHORIZED', {
    action: `${action} for ${customer.name}`,
    reason: `it needs the Administrator role in ${customer.domain}, or to be the customer's administrator`,
  });
}

/**
 * The customer, and whether the actor may set up its users ('allowed') or is another
 * member of its partner domain ('member': may ask the domain's administrators).
 * A stranger gets CUSTOMER_NOT_FOUND, as for an id that names nothing.
 */
export async function userSetupStanding(
  deps: CoreDeps,
  actor: Actor,
  customerId: string,
): Promise<{ customer: Customer; standing: 'allowed' | 'member' }> {
  const customer = await deps.customers.findById(customerId);
  const isCustomerAdmin = !!customer && !!actor.user && !!actor.email && actor.email.toLowerCase() === customer.adminEmail.toLowerCase();
  if (customer && (isCustomerAdmin || (actor.user && hasRole(actor.user, 'Administrator', customer.domain))))
    return { customer, standing: 'allowed' };
  if (!customer || !mayReadOnboarding(actor, customer.domain)) throw new CoreError('CUSTOMER_NOT_FOUND', { customerId });
  return { customer, standing: 'member' };
}

/** Users are created in the customer's Webex organization, so it must exist first. */
export function remoteCustomerIdOf(customer: Customer): string {
  if (!customer.orgId || !customer.remoteCustomerId) {
    throw new CoreError('INVALID_STATE', {
      reason: `${customer.name} is not provisioned yet; users can be added once its organization exists`,
    });
  }
  return customer.remoteCustomerId;
}
