/**
 * The onboarding part of the demo seed (seed: "Provision Customer Organization Task
 * Flow"): an onboarding template, and one customer half set up — provisioned, with one
 * branch location ("enter additional locations such as branch offices") and one user,
 * and its services setup started (the calling setup page saved) but not submitted, so
 * the setup reminder shows. Everything goes through the core's use cases with the
 * embedded Webex simulator, as the bot would do it; a second run finds each part and
 * leaves it as it is.
 */
import {
  createActorLimits,
  createCore,
  createServicesSetup,
  DEFAULT_DELIVERY_POLICY,
  DEFAULT_RATE_LIMITS,
  silentLogger,
  systemClock,
} from '../../core/index';
import type { Actor, Clock, Core, Customer, EmailNotifier, ServicesSetupCore } from '../../core/index';
import { API_ACTOR } from '../../adapters/api/api-actor';
import { createEmbeddedBackend } from '../../adapters/backend/embedded-backend';
import { coreRepositories } from '../../adapters/db/create-database';
import type { Database } from '../../adapters/db/create-database';
import { libPhoneNumbers } from '../../adapters/onboarding/phone-numbers';
import { createSimulatedProvisioning } from '../../adapters/webex/simulated-provisioning';
import { createSimulatedServicesSetup } from '../../adapters/webex/simulated-services-setup';
import { customerDirectory } from '../../bot/customer-directory';
import { WORKFLOW_DOMAIN } from './seed-workflow';

export const ONBOARDING_DEMO = {
  domain: WORKFLOW_DOMAIN,
  templateName: 'Demo wholesale calling',
  customerName: 'Initech Demo',
  adminEmail: 'it-admin@initech.example',
  branchName: 'Austin branch',
  userEmail: 'peter.gibbons@initech.example',
  sipAddressName: 'initech-demo',
} as const;

export interface OnboardingSeedReport {
  template: 'created' | 'existing';
  customer: 'created' | 'existing';
}

const ADDRESS = { addressLine1: '4120 Freidrich Lane', city: 'Austin', stateOrProvince: 'TX', postalCode: '78744', country: 'US' };

export async function seedOnboarding(db: Database, o: { email: EmailNotifier; clock?: Clock }): Promise<OnboardingSeedReport> {
  const { core, setup } = onboardingCores(db, o.email, o.clock ?? systemClock);
  const actor: Actor = API_ACTOR;
  const report: OnboardingSeedReport = { template: 'existing', customer: 'existing' };
  let template = (await core.listTemplates({ actor })).find((t) => t.name === ONBOARDING_DEMO.templateName);
  if (!template) {
    report.template = 'created';
    template = await core.createTemplate({
      actor,
      template: {
        domain: ONBOARDING_DEMO.domain,
        name: ONBOARDING_DEMO.templateName,
        subscriptionId: 'Sub-DEMO-1',
        authenticationMethod: 'webex',
        language: 'en_US',
        timezone: 'America/Chicago',
        packages: ['webex_calling', 'webex_meetings', 'cisco_calling_plan'],
      },
    });
  }
  let customer = await findCustomer(core, actor);
  if (!customer) {
    report.customer = 'created';
    customer = await provisionedCustomer(core, actor, template.id);
  }
  if (!customer.locations.some((l) => l.name === ONBOARDING_DEMO.branchName))
    await core.addLocation({ actor, customerId: customer.id, location: { name: ONBOARDING_DEMO.branchName, address: ADDRESS } });
  await addDemoUser(db, core, actor, customer);
  // Started, not submitted: only the calling setup page saved (version 0 is nothing stored yet).
  if ((await setup.getServicesSetup({ actor, customerId: customer.id })).version === 0)
    await setup.updateServicesSetup({ actor, customerId: customer.id, changes: { sipAddressName: ONBOARDING_DEMO.sipAddressName } });
  return report;
}

const findCustomer = async (core: Core, actor: Actor) =>
  (await core.listCustomers({ actor })).find((c) => c.name === ONBOARDING_DEMO.customerName) ?? null;

/** Created on the simulator, then polled until it reports the organization (it settles on the first poll). */
async function provisionedCustomer(core: Core, actor: Actor, templateId: string): Promise<Customer> {
  await core.createCustomer({
    actor,
    customer: {
      domain: ONBOARDING_DEMO.domain,
      name: ONBOARDING_DEMO.customerName,
      adminEmail: ONBOARDING_DEMO.adminEmail,
      templateId,
      packages: ['webex_calling'],
      headquarters: { ...ADDRESS, addressLine1: '1 Initech Way' },
      supportedLocationVerified: true,
    },
  });
  for (let poll = 0; poll < 5; poll += 1) {
    await core.refreshProvisioningCustomers();
    const customer = await findCustomer(core, actor);
    if (customer?.status === 'provisioned') return customer;
  }
  throw new Error(`${ONBOARDING_DEMO.customerName} was not provisioned by the simulator`);
}

async function addDemoUser(db: Database, core: Core, actor: Actor, customer: Customer): Promise<void> {
  if ((await db.customerUsers.list(customer.id)).some((u) => u.email === ONBOARDING_DEMO.userEmail)) return;
  const headquarters = customer.locations.find((l) => l.headquarters)!;
  await core.addCustomerUsers({
    actor,
    customerId: customer.id,
    users: [
      {
        firstName: 'Peter',
        lastName: 'Gibbons',
        email: ONBOARDING_DEMO.userEmail,
        package: 'webex_calling',
        locationId: headquarters.id,
        phoneNumber: '+15125550142',
        extension: '142',
      },
    ],
  });
}

/** The core and the services setup as bot/main.ts builds them, over the seed's database and the simulators. */
function onboardingCores(db: Database, email: EmailNotifier, clock: Clock): { core: Core; setup: ServicesSetupCore } {
  const limits = createActorLimits(DEFAULT_RATE_LIMITS, clock);
  // The notices the customer's creation writes stay in the outbox: the bot sends them once it runs.
  const deliveries = { deliveriesWritten: async () => {} };
  const core = createCore({
    ...coreRepositories(db),
    phoneNumbers: libPhoneNumbers,
    deliveries,
    backend: createEmbeddedBackend(),
    customerProvisioning: createSimulatedProvisioning({ pollsUntilSettled: 0, clock }),
    email,
    chat: [],
    clock,
    log: silentLogger,
    limits,
    settings: { adminPortalUrl: 'https://admin.webex.com', delivery: DEFAULT_DELIVERY_POLICY },
  });
  const setup = createServicesSetup({
    outbox: db.outbox,
    deliveries,
    clock,
    log: silentLogger,
    users: db.users,
    accessRequests: db.accessRequests,
    chat: [],
    limits,
    customers: customerDirectory(db.customers),
    servicesSetups: db.servicesSetups,
    connectActivations: db.servicesSetups,
    setupBackend: createSimulatedServicesSetup(clock),
  });
  return { core, setup };
}
