import { z } from 'zod';
import type { Actor } from '../directory/actor';
import { sameEmail } from '../directory/actor';
import { hasRole } from '../directory/directory';
import { CoreError } from '../errors';
import { problem, validationFailed, zodFields } from '../validation-problems';
import { isCustomerAdministrator } from './authorize-services-setup';
import type { ServicesSetupDeps } from './services-setup-deps';

const ZActivatedInput = z.object({
  email: z
    .string({ required_error: 'is required', invalid_type_error: 'must be text' })
    .trim()
    .toLowerCase()
    .max(254, 'must be at most 254 characters')
    .email('must be an email address, such as admin@customer.example'),
});

export interface ConnectActivationRecorded {
  customerId: string;
  customerName: string;
  email: string;
  activatedAt: Date;
}

/**
 * `customer activated <customer> <email>` and POST /api/customers/{id}/connect-activation:
 * the partner administrator records that a customer administrator has activated their
 * Connect account (seed, "Provision Webex Connect digital services": "Your admin account
 * will be activated in Connect the first time you log in"). From then on the scheduler
 * neither reminds them nor tells them they must be added again: checkConnectActivations
 * only reads activations not yet recorded.
 *
 * Only the partner's administrators: the customer's own administrator saying so for
 * themselves would be the claim being checked.
 */
export async function recordConnectActivation(
  deps: ServicesSetupDeps,
  input: { actor: Actor; customerId: string; body: unknown },
): Promise<ConnectActivationRecorded> {
  const customer = await deps.customers.findCustomerForSetup(input.customerId);
  if (!customer) throw new CoreError('CUSTOMER_NOT_FOUND', { customerId: input.customerId });
  if (!input.actor.user || !hasRole(input.actor.user, 'Administrator', customer.partnerDomain))
    throw new CoreError('NOT_AUTHORIZED', {
      action: 'record a Connect activation',
      reason: `only administrators of the partner ${customer.partnerDomain} may record that`,
    });
  const parsed = ZActivatedInput.safeParse(input.body);
  if (!parsed.success) throw new CoreError('VALIDATION_FAILED', zodFields(parsed.error));
  const { email } = parsed.data;
  if (!isCustomerAdministrator(customer, email))
    throw validationFailed([problem('email', `${email} is not an administrator of ${customer.name}`)]);

  const activation = (await deps.connectActivations.listForCustomer(customer.id)).find((a) => sameEmail(a.adminEmail, email));
  if (!activation)
    throw new CoreError('INVALID_STATE', {
      reason: `no Connect activation is awaited for ${email}: the services setup of ${customer.name} has not completed for them`,
    });
  if (activation.activatedAt) throw alreadyRecorded(email, activation.activatedAt);
  // "If you don't activate your account within 7 business days, you'll need to be added again from either Control Hub or Connect."
  if (activation.expiredAt) throw expired(email);

  const now = deps.clock.now();
  if (!(await deps.connectActivations.recordActivation(activation.id, now))) {
    // Another request (or the scheduler's expiry) got there first: say which.
    const latest = (await deps.connectActivations.listForCustomer(customer.id)).find((a) => a.id === activation.id);
    if (latest?.activatedAt) throw alreadyRecorded(email, latest.activatedAt);
    throw expired(email);
  }
  deps.log.info({ customerId: customer.id, activationId: activation.id }, 'Connect activation recorded');
  return { customerId: customer.id, customerName: customer.name, email, activatedAt: now };
}

const alreadyRecorded = (email: string, at: Date) =>
  new CoreError('CONFLICT', { reason: `${email}'s Connect activation was already recorded on ${at.toISOString().slice(0, 10)}` });

const expired = (email: string) =>
  new CoreError('INVALID_STATE', {
    reason: `${email} did not activate within 7 business days and must be added again from Control Hub or Connect`,
  });
