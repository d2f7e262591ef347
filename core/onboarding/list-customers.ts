import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { readScope } from './authorize-onboarding';
import type { Customer } from './onboarding';

/** "Click Customers to view the list of existing customers": those of the actor's domains, newest first. */
export async function listCustomers(deps: CoreDeps, input: { actor: Actor }): Promise<Customer[]> {
  return deps.customers.list(readScope(input.actor));
}
