import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import type { CreateCustomerRequest } from '../ports/customer-provisioning.port';
import { requestDomainAccess } from '../access/request-domain-access';
import { createdByOf, onboardingStanding } from './authorize-onboarding';
import { noWrites } from '../notifications/delivery';
import { creationDeliveries } from './customer-notices';
import type { Customer, NewCustomer, OnboardingTemplate } from './onboarding';
import type { CustomerInput } from './onboarding.schemas';
import { parseInput, ZCustomerInput } from './onboarding.schemas';
import { checkedTemplate, customerAction, prechecked } from './check-customer';
import { hasCalling } from './package-rules';
import { askProvisioning } from './provisioning-calls';

/**
 * "Create Customer via Partner Hub": company name, administrator email and template;
 * the packages; the headquarters, in a Webex supported location (the box must be
 * checked). The backend's precheck runs first and its findings come back in words;
 * then the customer is created on Webex, asynchronously: the answer is immediate, with
 * status `provisioning`, and the scheduler's poll records how it ends. Stored only once
 * Webex took it, customer and headquarters together with the creator's status message
 * (chat), so nothing is ever half-created.
 */
export async function createCustomer(deps: CoreDeps, input: { actor: Actor; customer: unknown }): Promise<Customer> {
  const data = parseInput(ZCustomerInput, input.customer);
  const action = customerAction(data);
  const standing = onboardingStanding(input.actor, data.domain, action);
  await checkedTemplate(deps, data);
  if (standing === 'member') {
    await requestDomainAccess(deps, {
      actor: input.actor,
      domain: data.domain,
      description: action,
      action: { kind: 'create-customer', customer: data },
    });
  }
  return performCreateCustomer(deps, input.actor, data);
}

/** Creates the customer for `actor`, whose right to was settled by the caller (directly, or by an approval). */
export async function performCreateCustomer(deps: CoreDeps, actor: Actor, data: CustomerInput): Promise<Customer> {
  // Checked again though the review ran the precheck: the review may be minutes old.
  const { template } = await prechecked(deps, data);

  const id = `cus-${globalThis.crypto.randomUUID()}`;
  const { customerId } = await askProvisioning(deps, (webex) => webex.createCustomer(createRequest(id, data, template)));
  const now = deps.clock.now();
  const customer: NewCustomer = {
    id,
    domain: data.domain,
    name: data.name,
    adminEmail: data.adminEmail,
    templateId: template.id,
    packages: data.packages,
    status: 'provisioning',
    packageResults: [],
    remoteCustomerId: customerId,
    orgId: null,
    subscriptionId: data.subscriptionId ?? null,
    createdBy: createdByOf(actor),
    createdAt: now,
    headquarters: {
      id: `loc-${globalThis.crypto.randomUUID()}`,
      customerId: id,
      name: 'Headquarters',
      address: data.headquarters,
      remoteLocationId: null,
      headquarters: true,
      createdAt: now,
    },
  };
  const { headquarters, ...rest } = customer;
  const notices = creationDeliveries(deps, { ...rest, updatedAt: now, locations: [headquarters] });
  const created = await deps.customers.create(customer, { ...noWrites(), deliveries: notices });
  if (notices.length) await deps.deliveries.deliveriesWritten();
  return created;
}

/** The API's create: "for calling packages, provisioningParameters.calling.location", which the headquarters becomes. */
function createRequest(id: string, data: CustomerInput, template: OnboardingTemplate): CreateCustomerRequest {
  return {
    provisioningId: template.provisioningId,
    packages: data.packages,
    externalId: id,
    address: data.headquarters,
    customerInfo: { name: data.name, primaryEmail: data.adminEmail, language: template.language },
    callingLocation: hasCalling(data.packages)
      ? { name: 'Headquarters', address: data.headquarters, timezone: template.timezone, language: template.language }
      : undefined,
  };
}
