import type { Actor } from '../directory/actor';
import { submitAsksFor } from '../access/submit-asks';
import { servicesSetupStanding } from './authorize-services-setup';
import { emptySetup } from './services-setup';
import type { ServicesSetupDeps } from './services-setup-deps';
import type { ServicesSetupView } from './services-setup-view';
import { presentServicesSetup } from './services-setup-view';

/**
 * The wizard as it stands, with the platform and telephony options allowed now and the
 * next step. A member of the partner domain sees it too: they may fill it as a draft,
 * and its Submit asks the domain's administrators (submit-services-setup.ts).
 */
export async function getServicesSetup(deps: ServicesSetupDeps, input: { actor: Actor; customerId: string }): Promise<ServicesSetupView> {
  const { customer, standing } = await servicesSetupStanding(deps, input.actor, input.customerId, 'see the services setup');
  const setup = (await deps.servicesSetups.find(customer.id)) ?? emptySetup(customer.id, deps.clock.now());
  return presentServicesSetup(customer, setup, await submitAsksFor(deps, standing, customer.partnerDomain));
}
