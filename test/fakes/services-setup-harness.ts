import { createActorLimits, createServicesSetup, DEFAULT_RATE_LIMITS, silentLogger } from '../../core/index';
import type { CustomerForSetup, DirectoryUser, ServicesSetupDeps } from '../../core/index';
import { createSimulatedServicesSetup } from '../../adapters/webex/simulated-services-setup';
import { customerForSetup, SETUP_PEOPLE } from '../fixtures/customers-for-setup';
import { slackActor } from './actors';
import { AutoDispatch } from './auto-dispatch';
import { FixedClock } from './fixed-clock';
import { InMemoryOutbox } from './in-memory-outbox';
import { InMemoryAccessRequests, InMemoryUsers } from './in-memory-repositories';
import { InMemoryCustomerDirectory, InMemoryServicesSetups } from './in-memory-services-setup';

/** The services setup on in-memory ports, the simulator backend and a fixed clock (a Monday, 10:00 UTC, by default). */
export async function servicesSetupHarness(options: { now?: string; customer?: Partial<CustomerForSetup> } = {}) {
  const clock = new FixedClock(new Date(options.now ?? '2026-11-23T10:00:00Z'));
  const outbox = new InMemoryOutbox(new Map(), () => clock.now());
  const repo = new InMemoryServicesSetups(outbox);
  const customers = new InMemoryCustomerDirectory();
  const users = new InMemoryUsers();
  for (const person of Object.values(SETUP_PEOPLE)) await users.upsert(person);
  const setupBackend = createSimulatedServicesSetup(clock);
  const deliveries = new AutoDispatch();
  deliveries.enabled = false;
  const deps: ServicesSetupDeps = {
    outbox,
    deliveries,
    clock,
    log: silentLogger,
    users,
    accessRequests: new InMemoryAccessRequests(outbox),
    chat: [],
    limits: createActorLimits(DEFAULT_RATE_LIMITS, clock),
    customers,
    servicesSetups: repo,
    connectActivations: repo,
    setupBackend,
  };
  const customer = customers.add(customerForSetup(options.customer));
  const as = (person: DirectoryUser) => slackActor(person);
  return { deps, core: createServicesSetup(deps), clock, outbox, repo, customers, customer, setupBackend, as };
}
