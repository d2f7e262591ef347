import { validationFailed } from '../validation-problems';
import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { CoreError } from '../errors';
import { requestDomainAccess } from '../access/request-domain-access';
import { onboardingStanding } from './authorize-onboarding';
import { getCustomer } from './get-customer';
import type { Customer, CustomerLocation } from './onboarding';
import type { LocationInput } from './onboarding.schemas';
import { parseInput, ZLocationInput } from './onboarding.schemas';
import { askProvisioning } from './provisioning-calls';

/**
 * "In the Add and confirm locations screen, enter additional locations such as branch
 * offices." A location lives in the customer's Webex organization, so the customer must
 * be provisioned first; it is stored once Webex has it, with Webex's id.
 */
export async function addLocation(
  deps: CoreDeps,
  input: { actor: Actor; customerId: string; location: unknown },
): Promise<CustomerLocation> {
  const customer = await getCustomer(deps, input);
  const action = `add locations to ${customer.name}`;
  const standing = onboardingStanding(input.actor, customer.domain, action);
  const data = parseInput(ZLocationInput, input.location);
  checkLocation(customer, data);
  if (standing === 'member') {
    await requestDomainAccess(deps, {
      actor: input.actor,
      domain: customer.domain,
      description: action,
      action: { kind: 'add-location', customerId: customer.id, customerName: customer.name, location: data },
    });
  }
  return performAddLocation(deps, customer.id, data);
}

/** Checked before anyone is asked, and again on approval: the customer may have changed meanwhile. */
function checkLocation(customer: Customer, data: LocationInput): void {
  const key = data.name.toLowerCase();
  if (customer.locations.some((l) => l.name.toLowerCase() === key)) {
    throw validationFailed([{ field: 'name', message: `${customer.name} already has a location named ${data.name}.` }]);
  }
  if (!customer.orgId) {
    throw new CoreError('INVALID_STATE', {
      reason: `${customer.name} is not provisioned yet; locations can be added once its organization exists`,
    });
  }
}

/** Adds the location; the right to was settled by the caller (directly, or by an approval). */
export async function performAddLocation(deps: CoreDeps, customerId: string, data: LocationInput): Promise<CustomerLocation> {
  const customer = await deps.customers.findById(customerId);
  if (!customer) throw new CoreError('CUSTOMER_NOT_FOUND', { customerId });
  checkLocation(customer, data);
  const template = await deps.templates.findById(customer.templateId);
  if (!template) throw new Error(`customer ${customer.id} names template ${customer.templateId}, which is gone`);
  const { locationId } = await askProvisioning(deps, (webex) =>
    webex.createLocation({
      orgId: customer.orgId as string,
      name: data.name,
      address: data.address,
      timezone: template.timezone,
      language: template.language,
    }),
  );
  return deps.customers.addLocation({
    id: `loc-${globalThis.crypto.randomUUID()}`,
    customerId: customer.id,
    name: data.name,
    address: data.address,
    remoteLocationId: locationId,
    headquarters: false,
    createdAt: deps.clock.now(),
  });
}
