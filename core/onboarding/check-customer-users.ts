import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { validationFailed } from '../validation-problems';
import { customerForUserSetup, remoteCustomerIdOf } from './customer-user-access';
import { validateCustomerUsers } from './validate-customer-users';

/**
 * Set up Customer, "Add users ... Click Next ... Review the information that you entered":
 * the same checks addCustomerUsers makes, and the same authorization, without creating
 * anyone, so a chat can name every bad row (or refuse the person) before it offers
 * "Create users". Nothing is written; the batch is checked again when it is created.
 */
export async function checkCustomerUsers(
  deps: CoreDeps,
  input: { actor: Actor; customerId: string; users: unknown },
): Promise<{ customerId: string; customerName: string; count: number }> {
  const customer = await customerForUserSetup(deps, input.actor, input.customerId, 'add users');
  const { rows, problems } = validateCustomerUsers(customer, input.users, deps.phoneNumbers);
  if (problems.length) throw validationFailed(problems);
  // Said now rather than after the person confirmed: users need the organization on Webex.
  remoteCustomerIdOf(customer);
  return { customerId: customer.id, customerName: customer.name, count: rows.length };
}
