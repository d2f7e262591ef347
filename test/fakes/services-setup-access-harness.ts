import { createServicesSetup } from '../../core/index';
import type { DirectoryUser, ServicesSetupPorts } from '../../core/index';
import { createSimulatedServicesSetup } from '../../adapters/webex/simulated-services-setup';
import { customerForSetup, PARTNER_DOMAIN, SETUP_PEOPLE } from '../fixtures/customers-for-setup';
import { slackActor } from './actors';
import { coreHarness } from './core-harness';
import { InMemoryCustomerDirectory, InMemoryServicesSetups } from './in-memory-services-setup';

/** A member of the partner domain who is not its Administrator, and a second Administrator of it. */
export const SETUP_MEMBERS = {
  mona: {
    id: 'mona@acme-partner.example',
    email: 'mona@acme-partner.example',
    name: 'Mona Member',
    slackUserId: 'UMONA',
    teamsUserId: null,
    roles: [{ role: 'Ordering', domain: PARTNER_DOMAIN }],
  },
  pia: {
    id: 'pia@acme-partner.example',
    email: 'pia@acme-partner.example',
    name: 'Pia Partner',
    slackUserId: 'UPIA',
    teamsUserId: null,
    roles: [{ role: 'Administrator', domain: PARTNER_DOMAIN }],
  },
} satisfies Record<string, DirectoryUser>;

/**
 * The core and the services setup wizard over one set of in-memory ports, as bot/main.ts
 * wires them: a member's Submit opens an access request in the core's store, and the
 * core's approval submits the setup through the wizard's ports.
 */
export async function servicesSetupAccessHarness() {
  const c = coreHarness();
  const repo = new InMemoryServicesSetups(c.deps.outbox);
  const customers = new InMemoryCustomerDirectory();
  const customer = customers.add(customerForSetup());
  const ports: ServicesSetupPorts = {
    customers,
    servicesSetups: repo,
    connectActivations: repo,
    setupBackend: createSimulatedServicesSetup(c.deps.clock),
  };
  // createCore keeps this object: the ports reach its use cases and dispatcher from here on.
  Object.assign(c.deps, { servicesSetup: ports });
  for (const person of [...Object.values(SETUP_PEOPLE), ...Object.values(SETUP_MEMBERS)]) await c.deps.users.upsert(person);
  const setup = createServicesSetup({ ...c.deps, ...ports });
  const as = (person: DirectoryUser) => slackActor(person);
  return { ...c, setup, repo, customer, as };
}
