import type { Actor } from '../directory/actor';
import { CoreError } from '../errors';
import type { FieldProblem } from '../errors';
import type { CustomerForSetup } from '../ports/customer-directory.port';
import { requestDomainAccess } from '../access/request-domain-access';
import { recordedAs, servicesSetupStanding } from './authorize-services-setup';
import { emptySetup } from './services-setup';
import type { ServicesSetup } from './services-setup';
import type { ServicesSetupDeps } from './services-setup-deps';
import type { ServicesSetupView } from './services-setup-view';
import { effectiveSetup, presentServicesSetup } from './services-setup-view';
import { validationFailed } from '../validation-problems';
import { noWrites } from '../notifications/delivery';
import { progressDeliveries } from './services-setup-notices';

const ALREADY_SUBMITTED = 'the services setup was already submitted; it runs once, so nothing was changed';

/**
 * "On the Review page, review the details of the subscription and click Submit. The
 * services setup takes a few minutes." Submitted once: the setup is claimed (a
 * conditional save), then handed to the backend; a second submit changes nothing.
 * Progress comes from advanceServicesSetups, on the scheduler; the submitter's chat gets
 * one progress message, which it updates in place.
 *
 * A member of the partner domain who is not its Administrator (nor the customer's) gets
 * "the same access-request treatment as the partner flows": the complete setup, as it
 * stands now, goes to the domain's administrators, and on approval it is submitted for
 * the member (performSubmitServicesSetup), unless it changed or was submitted meanwhile.
 */
export async function submitServicesSetup(
  deps: ServicesSetupDeps,
  input: { actor: Actor; customerId: string },
): Promise<ServicesSetupView> {
  const action = 'submit the services setup';
  const { customer, standing } = await servicesSetupStanding(deps, input.actor, input.customerId, action);
  if (standing === 'member') {
    const current = await draftOf(deps, customer);
    // Refused at once if incomplete: the administrators are asked only for a setup that can run.
    const { backend } = completeRequest(customer, current);
    await requestDomainAccess(deps, {
      actor: input.actor,
      domain: customer.partnerDomain,
      description: `${action} of ${customer.name}`,
      action: {
        kind: 'submit-services-setup',
        customerId: customer.id,
        customerName: customer.name,
        version: current.version,
        setup: {
          countryOfOperation: backend.countryOfOperation,
          timezone: backend.timezone,
          platform: backend.platform,
          telephony: backend.telephony,
          sipAddressName: backend.sipAddressName,
        },
      },
    });
  }
  return performSubmitServicesSetup(deps, input.actor, customer.id);
}

/**
 * Submits the setup for `actor`, whose right to was settled by the caller (directly, or by
 * an approval). With `approvedVersion`, the draft must still be the one the
 * administrators approved: a setup changed since is not submitted, and the requester is
 * told why (CONFLICT), so nobody's approval covers choices they did not see.
 */
export async function performSubmitServicesSetup(
  deps: ServicesSetupDeps,
  actor: Actor,
  customerId: string,
  approvedVersion?: number,
): Promise<ServicesSetupView> {
  const customer = await deps.customers.findCustomerForSetup(customerId);
  if (!customer) throw new CoreError('CUSTOMER_NOT_FOUND', { customerId });
  const now = deps.clock.now();
  const current = await draftOf(deps, customer);
  if (approvedVersion !== undefined && current.version !== approvedVersion)
    throw new CoreError('CONFLICT', {
      reason: 'the services setup was changed after it was sent for approval, so nothing was submitted; review it and submit it again',
    });
  const request = completeRequest(customer, current);
  const claimed: ServicesSetup = {
    ...current,
    ...request.values,
    state: 'submitted',
    submittedAt: now,
    submittedBy: recordedAs(actor),
    submitter: { channel: actor.channel, platformUserId: actor.platformUserId, email: actor.email },
    version: current.version + 1,
    updatedAt: now,
  };
  if (!(await deps.servicesSetups.saveIfVersion(claimed, current.version))) throw new CoreError('CONFLICT', { reason: ALREADY_SUBMITTED });
  let jobId: string;
  try {
    ({ jobId } = await deps.setupBackend.start({ customerId: customer.id, ...request.backend }));
  } catch (err) {
    // Nothing was started: the wizard goes back to its draft, to be submitted again.
    await deps.servicesSetups.saveIfVersion({ ...current, version: claimed.version + 1, updatedAt: now }, claimed.version);
    throw err;
  }
  const started = { ...claimed, backendJobId: jobId, version: claimed.version + 1 };
  // The progress message goes with the job it reports on, in the same save.
  const progress = progressDeliveries(customer, started, now);
  if (await deps.servicesSetups.saveIfVersion(started, claimed.version, undefined, { ...noWrites(), deliveries: progress }))
    if (progress.length) await deps.deliveries.deliveriesWritten();
  return presentServicesSetup(customer, started, null);
}

/** The draft as stored (an untouched wizard is an empty draft); CONFLICT once submitted. */
async function draftOf(deps: ServicesSetupDeps, customer: CustomerForSetup): Promise<ServicesSetup> {
  const current = (await deps.servicesSetups.find(customer.id)) ?? emptySetup(customer.id, deps.clock.now());
  if (current.state !== 'draft') throw new CoreError('CONFLICT', { reason: ALREADY_SUBMITTED });
  return current;
}

/** Every page answered (defaults count), or VALIDATION_FAILED naming what is missing. */
function completeRequest(customer: CustomerForSetup, setup: ServicesSetup) {
  const e = effectiveSetup(customer, setup);
  const problems: FieldProblem[] = [];
  if (setup.countryConfirmedAt === null || !e.option)
    problems.push({ field: 'confirmCountry', message: 'Confirm the country of operation before submitting' });
  if (!customer.ccaiOnly && !e.timezone) problems.push({ field: 'timezone', message: 'Choose a time zone before submitting' });
  if (!e.platform) problems.push({ field: 'platform', message: 'Choose a platform before submitting' });
  if (!e.telephony) problems.push({ field: 'telephony', message: 'Choose a telephony option before submitting' });
  if (problems.length || !e.option || !e.platform || !e.telephony) throw validationFailed(problems);
  return {
    values: { sipAddressName: e.sipAddressName, timezone: e.timezone, platform: e.platform, telephony: e.telephony },
    backend: {
      sipAddressName: e.sipAddressName,
      countryOfOperation: e.countryOfOperation,
      dataCenter: e.option.dataCenter,
      timezone: e.timezone,
      platform: e.platform,
      telephony: e.telephony,
    },
  };
}
