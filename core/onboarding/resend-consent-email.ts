import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { CoreError } from '../errors';
import { requestDomainAccess } from '../access/request-domain-access';
import { ProvisioningRefused } from '../ports/customer-provisioning.port';
import type { Customer } from './onboarding';
import { userSetupStanding } from './customer-user-access';
import { askProvisioning } from './provisioning-calls';

/**
 * A user whose email belongs to a free Webex account stays pending until they consent to
 * the move; "resend consent email" sends Webex's consent email again. Setting a
 * customer's users up belongs to the partner domain's Administrators (and the customer's
 * administrator); another member of the domain gets "the same access-request treatment
 * as the partner flows": its administrators are asked, and on approval the email goes.
 */
export async function resendConsentEmail(deps: CoreDeps, input: { actor: Actor; customerId: string; email: string }): Promise<void> {
  const { customer, standing } = await userSetupStanding(deps, input.actor, input.customerId);
  const email = String(input.email ?? '')
    .trim()
    .toLowerCase();
  // Checked before anyone is asked: a request for an email with nothing to resend would only waste an administrator's time.
  await pendingSubscriberId(deps, customer, email);
  if (standing === 'member') {
    await requestDomainAccess(deps, {
      actor: input.actor,
      domain: customer.domain,
      description: `resend a consent email for ${customer.name}`,
      action: { kind: 'resend-consent-email', customerId: customer.id, customerName: customer.name, email },
    });
  }
  await performResendConsentEmail(deps, customer.id, email);
}

/** Sends it; the right to was settled by the caller. Read again on approval: the user may have consented meanwhile. */
export async function performResendConsentEmail(deps: CoreDeps, customerId: string, email: string): Promise<void> {
  const customer = await deps.customers.findById(customerId);
  if (!customer) throw new CoreError('CUSTOMER_NOT_FOUND', { customerId });
  const subscriberId = await pendingSubscriberId(deps, customer, email);
  try {
    await askProvisioning(deps, (webex) => webex.resendConsentEmail(subscriberId));
  } catch (err) {
    if (err instanceof ProvisioningRefused) throw new CoreError('INVALID_STATE', { reason: err.message.replace(/\.$/, '') });
    throw err;
  }
}

async function pendingSubscriberId(deps: CoreDeps, customer: Customer, email: string): Promise<string> {
  const user = await deps.customerUsers.find(customer.id, email);
  const subscriberId = user?.status === 'pending_user_migration' ? user.subscriberId : null;
  if (!subscriberId) {
    throw new CoreError('INVALID_STATE', {
      reason: `${email} is not waiting to consent to a move into ${customer.name}, so there is no consent email to send again`,
    });
  }
  return subscriberId;
}
