import type { Actor } from '../directory/actor';
import { CoreError } from '../errors';
import { authorizeServicesSetup } from './authorize-services-setup';
import { PLATFORMS, TELEPHONY, findCountryOption } from './country-options';
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
  const setup = await deps.servicesSetups.find(customer.id);
  const option = setup?.countryOfOperation ? findCountryOption(setup.countryOfOperation) : null;
  if (!setup || setup.state === 'draft' || !setup.submittedAt || !option || !setup.platform || !setup.telephony)
    throw new CoreError('INVALID_STATE', { reason: 'the order summary is available once the services setup is submitted' });
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
