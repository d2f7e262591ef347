import type { Actor } from '../directory/actor';
import { CoreError } from '../errors';
import { authorizeServicesSetup } from './authorize-services-setup';
import { PLATFORMS, TELEPHONY, findCountryOption } from './country-options';
import type { CustomerForSetup } from '../ports/customer-directory.port';
import type { ServicesSetup } from './services-setup';
import type { ServicesSetupDeps } from './services-setup-deps';

/** "Download Order Summary (PDF)": what the document lists, in words. */
export interface OrderSummary {
  customerId: string;
  customerName: string;
  licences: string[];
  sipAddressName: string;
  country: string;
  region: string;
  dataCenter: string;
  timezone: string | null;
  platform: string;
  telephony: string;
  submittedBy: string;
  submittedAt: Date;
  state: 'submitted' | 'completed' | 'failed';
}

/** The order summary of a submitted setup (the seed offers it after Submit). */
export async function getOrderSummary(deps: ServicesSetupDeps, input: { actor: Actor; customerId: string }): Promise<OrderSummary> {
  const customer = await authorizeServicesSetup(deps, input.actor, input.customerId, 'download the order summary');
  const summary = orderSummaryOf(customer, await deps.servicesSetups.find(customer.id));
  if (!summary) throw new CoreError('INVALID_STATE', { reason: 'the order summary is available once the services setup is submitted' });
  return summary;
}

/** What the summary lists, or null while the setup is not submitted (a draft has no summary yet). */
export function orderSummaryOf(customer: CustomerForSetup, setup: ServicesSetup | null): OrderSummary | null {
  const option = setup?.countryOfOperation ? findCountryOption(setup.countryOfOperation) : null;
  if (!setup || setup.state === 'draft' || !setup.submittedAt || !option || !setup.platform || !setup.telephony) return null;
  return {
    customerId: customer.id,
    customerName: customer.name,
    licences: customer.licences,
    sipAddressName: setup.sipAddressName ?? '',
    country: `${option.name} (${option.country})`,
    region: option.region,
    dataCenter: option.dataCenter,
    timezone: setup.timezone,
    platform: PLATFORMS[setup.platform],
    telephony: TELEPHONY[setup.telephony].label,
    submittedBy: setup.submittedBy ?? 'unknown',
    submittedAt: setup.submittedAt,
    state: setup.state,
  };
}

/**
 * The summary behind a signed link (the Teams card's): the link is the credential, checked
 * by the adapter that signed it, so no actor; null when there is none to show.
 */
export async function orderSummaryByLink(deps: ServicesSetupDeps, customerId: string): Promise<OrderSummary | null> {
  const customer = await deps.customers.findCustomerForSetup(customerId);
  return customer && orderSummaryOf(customer, await deps.servicesSetups.find(customer.id));
}
