import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import type { CustomerProvisioning } from '../ports/customer-provisioning.port';
import { ProvisioningRefused, ProvisioningUnavailable } from '../ports/customer-provisioning.port';
import type { CustomerUserOutcome } from '../ports/customer-user-repository.port';
import { requestDomainAccess } from '../access/request-domain-access';
import { CoreError } from '../errors';
import { remoteCustomerIdOf, userSetupStanding } from './customer-user-access';
import type { CustomerUser, CustomerUserResult } from './customer-users';
import type { CustomerUserRow } from './customer-users.schemas';
import type { Customer } from './onboarding';
import { validationFailed } from '../validation-problems';
import { askProvisioning } from './provisioning-calls';
import { validateCustomerUsers } from './validate-customer-users';

const BUSY =
  'Webex could not take this user now, so nothing was created for them; send the same list again later to finish (users already created are skipped).';
const IN_PROGRESS = 'Another request is creating this user right now; look again in a minute.';

/**
 * Set up Customer, "Add users ... Click Create users": every row checked first (one bad
 * row refuses the whole batch, naming each bad row and input), then each user created on
 * Webex in turn, the result of each in the order given. Each user is recorded before
 * Webex is asked, keyed by customer and email, so a retried batch creates nobody twice.
 * Another member of the partner domain asks its administrators instead.
 */
export async function addCustomerUsers(
  deps: CoreDeps,
  input: { actor: Actor; customerId: string; users: unknown },
): Promise<CustomerUserResult[]> {
  const { customer, standing } = await userSetupStanding(deps, input.actor, input.customerId);
  const rows = checkedRows(deps, customer, input.users);
  if (standing === 'member') {
    await requestDomainAccess(deps, {
      actor: input.actor,
      domain: customer.domain,
      description: `add users for ${customer.name}`,
      action: { kind: 'add-users', customerId: customer.id, customerName: customer.name, users: rows },
    });
  }
  return createUsers(deps, customer, rows);
}

/** Checked before anyone is asked, and again on approval: the customer's locations and packages may have changed. */
function checkedRows(deps: CoreDeps, customer: Customer, users: unknown): CustomerUserRow[] {
  const { rows, problems } = validateCustomerUsers(customer, users, deps.phoneNumbers);
  if (problems.length) throw validationFailed(problems);
  remoteCustomerIdOf(customer);
  return rows;
}

/** Adds the users; the right to was settled by the caller (directly, or by an approval). */
export async function performAddCustomerUsers(deps: CoreDeps, customerId: string, users: CustomerUserRow[]): Promise<CustomerUserResult[]> {
  const customer = await deps.customers.findById(customerId);
  if (!customer) throw new CoreError('CUSTOMER_NOT_FOUND', { customerId });
  return createUsers(deps, customer, checkedRows(deps, customer, users));
}

async function createUsers(deps: CoreDeps, customer: Customer, rows: CustomerUserRow[]): Promise<CustomerUserResult[]> {
  const remoteCustomerId = remoteCustomerIdOf(customer);
  const webex = await askProvisioning(deps, async (provisioning) => provisioning);
  const results: CustomerUserResult[] = [];
  let unavailable = false;
  for (const row of rows) {
    const user = toUser(customer, row, deps.clock.now());
    const claim = await deps.customerUsers.claim(user);
    if (!claim.claimed) {
      results.push(resultOf(claim.user));
      continue;
    }
    // Once Webex says "not now", the rest are not sent: each is kept for the retried batch.
    const attempt: Attempt = unavailable ? busy(deps) : await createOne(deps, webex, { customer, remoteCustomerId }, user);
    const { unavailable: busyNow, ...outcome } = attempt;
    unavailable ||= busyNow === true;
    await deps.customerUsers.record(customer.id, user.email, outcome);
    results.push(resultOf({ ...user, ...outcome }));
  }
  return results;
}

type Attempt = CustomerUserOutcome & { unavailable?: true };

async function createOne(
  deps: CoreDeps,
  webex: CustomerProvisioning,
  { customer, remoteCustomerId }: { customer: Customer; remoteCustomerId: string },
  user: CustomerUser,
): Promise<Attempt> {
  const updatedAt = () => deps.clock.now();
  const location = customer.locations.find((l) => l.id === user.locationId);
  try {
    const outcome = await webex.createSubscriber({
      customerId: remoteCustomerId,
      email: user.email,
      package: user.package,
      firstName: user.firstName,
      lastName: user.lastName,
      primaryPhoneNumber: user.phoneNumber ?? undefined,
      extension: user.extension ?? undefined,
      locationId: location?.remoteLocationId ?? undefined,
    });
    if (outcome.status === 'refused')
      return { status: 'refused', subscriberId: null, message: refusalWords(outcome.code, outcome.message), updatedAt: updatedAt() };
    return { status: outcome.status, subscriberId: outcome.subscriberId, message: null, updatedAt: updatedAt() };
  } catch (err) {
    if (err instanceof ProvisioningUnavailable) return busy(deps);
    if (err instanceof ProvisioningRefused) return { status: 'refused', subscriberId: null, message: err.message, updatedAt: updatedAt() };
    deps.log.error({ customerId: customer.id, err: String(err) }, 'creating a customer user failed');
    return {
      status: 'error',
      subscriberId: null,
      message: 'Something went wrong while creating this user; nothing was created for them.',
      updatedAt: updatedAt(),
    };
  }
}

const busy = (deps: CoreDeps): Attempt => ({
  status: 'error',
  subscriberId: null,
  message: BUSY,
  updatedAt: deps.clock.now(),
  unavailable: true,
});

function toUser(customer: Customer, row: CustomerUserRow, now: Date): CustomerUser {
  return {
    customerId: customer.id,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    package: row.package,
    locationId: row.locationId,
    phoneNumber: row.phoneNumber ?? null,
    extension: row.extension ?? null,
    adminRole: row.adminRole ?? null,
    status: 'creating',
    subscriberId: null,
    message: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Webex Wholesale error 10022: "the email already belongs to a user". */
const EMAIL_TAKEN = '10022';

function refusalWords(code: string, message: string): string {
  if (code === EMAIL_TAKEN)
    return 'This email address already belongs to a Webex user in another organization, so Webex refused to add it here.';
  return message;
}

const MESSAGES = {
  provisioned: 'Created.',
  pending_user_migration:
    'This email belongs to a free Webex account: the user must accept the consent email to move into the organization.',
};

/** A user's result in words. */
export function resultOf(user: Pick<CustomerUser, 'email' | 'status' | 'message'>): CustomerUserResult {
  if (user.status === 'creating') return { email: user.email, status: 'error', message: IN_PROGRESS };
  if (user.status === 'provisioned' || user.status === 'pending_user_migration')
    return { email: user.email, status: user.status, message: MESSAGES[user.status] };
  return { email: user.email, status: user.status, message: user.message ?? 'Not created.' };
}
