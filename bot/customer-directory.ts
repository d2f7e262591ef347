import type { Customer, CustomerDirectory, CustomerForSetup, CustomerRepository } from '../core/index';
import { packageLabel } from '../adapters/presenters/webex-packages';

/**
 * The services setup reads the customers onboarding created. What onboarding does not
 * record yet is said plainly: no trials are started from provbot, and the Cisco PSTN
 * for Contact Center add-on and CCAI-only orders are not part of the Webex packages a
 * customer is created with, so those flags stay off. The first administrator is the
 * email given at creation, a Full Administrator ("no downgrade of the package is
 * supported for the customer administrator (full administrator)").
 */
export function customerDirectory(customers: CustomerRepository): CustomerDirectory {
  return {
    async findCustomerForSetup(customerId) {
      const customer = await customers.findById(customerId);
      return customer && forSetup(customer);
    },
    async listCustomersAdministeredBy(email) {
      return (await customers.listByAdminEmail(email)).map(forSetup);
    },
  };
}

function forSetup(customer: Customer): CustomerForSetup {
  // Created with the customer in one transaction, so always there.
  const headquarters = customer.locations.find((l) => l.headquarters);
  if (!headquarters) throw new Error(`customer ${customer.id} has no headquarters location`);
  return {
    id: customer.id,
    name: customer.name,
    partnerDomain: customer.domain,
    adminEmail: customer.adminEmail,
    organizationDomain: customer.adminEmail.split('@')[1] ?? null,
    orderCountry: headquarters.address.country,
    licences: customer.packages.map(packageLabel),
    trial: false,
    ciscoPstnAddOn: false,
    ccaiOnly: false,
    administrators: [{ email: customer.adminEmail, name: customer.adminEmail, controlHubRole: 'Full Administrator' }],
  };
}
