import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { CoreError } from '../errors';
import { ProvisioningRefused } from '../ports/customer-provisioning.port';
import { customerForUserSetup } from './customer-user-access';
import { askProvisioning } from './provisioning-calls';

/**
 * A user whose email belongs to a free Webex account stays pending until they consent to
 * the move; "resend consent email" sends Webex's consent email again.
 */
export async function resendConsentEmail(deps: CoreDeps, input: { actor: Actor; customerId: string; email: string }): Promise<void> {
  const customer = await customerForUserSetup(deps, input.actor, input.customerId, 'resend a consent email');
  const email = String(input.email ?? '')
    .trim()
    .toLowerCase();
  const user = await deps.customerUsers.find(customer.id, email);
  const subscriberId = user?.status === 'pending_user_migration' ? user.subscriberId : null;
  if (!subscriberId) {
    throw new CoreError('INVALID_STATE', {
      reason: `${email} is not waiting to consent to a move into ${customer.name}, so there is no consent email to send again`,
    });
  }
  try {
    await askProvisioning(deps, (webex) => webex.resendConsentEmail(subscriberId));
  } catch (err) {
    if (err instanceof ProvisioningRefused) throw new CoreError('INVALID_STATE', { reason: err.message.replace(/\.$/, '') });
    throw err;
  }
}
