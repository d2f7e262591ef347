import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { CoreError } from '../errors';
import { mayReadOnboarding } from './authorize-onboarding';
import type { Customer } from './onboarding';

/** One customer with its locations, the headquarters first; an id the actor may not read looks like an unknown one. */
export async function getCustomer(deps: CoreDeps, input: { actor: Actor; customerId: string }): Promise<Customer> {
  const customer = await deps.customers.findById(input.customerId);
  if (!customer || !mayReadOnboarding(input.actor, customer.domain))
    throw new CoreError('CUSTOMER_NOT_FOUND', { customerId: input.customerId });
  return customer;
}
