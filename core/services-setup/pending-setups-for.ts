import type { Actor } from '../directory/actor';
import type { ServicesSetupDeps } from './services-setup-deps';
import type { SetupState } from './services-setup';

export interface PendingSetup {
  customerId: string;
  customerName: string;
  state: SetupState;
}

/**
 * "The wizard appears each time a partner or customer administrator accesses the
 * Control Hub, until the setup is completed successfully": the customers this person
 * administers whose setup is not completed, for the adapters to remind them whenever
 * they use the bot.
 */
export async function pendingSetupsFor(deps: ServicesSetupDeps, actor: Actor): Promise<PendingSetup[]> {
  const email = actor.user?.email;
  if (!email) return [];
  const customers = await deps.customers.listCustomersAdministeredBy(email);
  const pending: PendingSetup[] = [];
  for (const customer of customers) {
    const setup = await deps.servicesSetups.find(customer.id);
    if (setup?.state !== 'completed')
      pending.push({ customerId: customer.id, customerName: customer.name, state: setup?.state ?? 'draft' });
  }
  return pending;
}
