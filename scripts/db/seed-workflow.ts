import { libPhoneNumbers } from '../../adapters/onboarding/phone-numbers';
/**
 * The order-workflow part of the demo seed: approvers and assigners, two subscribers
 * in the partner domain, its business rules, one order already provisioned and one
 * waiting for approval. Orders are placed through the core with the embedded backend,
 * as the bot places them, and the approval email lands in the outbox (an .eml under
 * OUTBOX_DIR) with working one-click links for PUBLIC_URL.
 */
import { randomBytes } from 'node:crypto';
import { createActorLimits, createCore, DEFAULT_DELIVERY_POLICY, DEFAULT_RATE_LIMITS, silentLogger, systemClock } from '../../core/index';
import type { Actor, ChatNotifier, Core, EmailNotifier } from '../../core/index';
import { API_ACTOR } from '../../adapters/api/api-actor';
import { createEmbeddedBackend } from '../../adapters/backend/embedded-backend';
import { coreRepositories } from '../../adapters/db/create-database';
import type { Database } from '../../adapters/db/create-database';

export const WORKFLOW_DOMAIN = 'acme-partner.example';

export const WORKFLOW_USERS = [
  { email: 'ann.approver@acme-partner.example', name: 'Ann Approver', roles: [{ role: 'Approval' as const, domain: WORKFLOW_DOMAIN }] },
  { email: 'sam.assigner@acme-partner.example', name: 'Sam Assigner', roles: [{ role: 'Assignment' as const, domain: WORKFLOW_DOMAIN }] },
];

export const WORKFLOW_SUBSCRIBERS = [
  {
    login: 'jdoe',
    domain: WORKFLOW_DOMAIN,
    firstName: 'Jane',
    lastName: 'Doe',
    email: 'jane.doe@customer.example',
    phoneNumber: '+1 555 0100',
    department: 'Sales',
  },
  {
    login: 'jsmith',
    domain: WORKFLOW_DOMAIN,
    firstName: 'John',
    lastName: 'Smith',
    email: 'john.smith@customer.example',
    phoneNumber: '+1 555 0101',
    department: 'Finance',
  },
];

export interface WorkflowSeedOptions {
  email: EmailNotifier;
  chat?: ChatNotifier[];
}

/** Returns the work orders it placed; none when the demo subscribers already have orders. */
export async function seedWorkflow(db: Database, o: WorkflowSeedOptions): Promise<string[]> {
  for (const user of WORKFLOW_USERS) await db.users.upsert(user);
  // The seed sends the notices its orders cause before it returns (the approval email in the outbox dir).
  const deliveries = { deliveriesWritten: async () => void (await (await core.dispatchDeliveries()).leftInLanes) };
  const core: Core = createCore({
    ...coreRepositories(db),
    phoneNumbers: libPhoneNumbers,
    deliveries,
    backend: createEmbeddedBackend(),
    // No customers are created here.
    customerProvisioning: null,
    email: o.email,
    chat: o.chat ?? [],
    clock: systemClock,
    log: silentLogger,
    limits: createActorLimits(DEFAULT_RATE_LIMITS, systemClock),
    settings: { adminPortalUrl: 'https://admin.webex.com', delivery: DEFAULT_DELIVERY_POLICY },
  });
  const actor: Actor = API_ACTOR;
  for (const subscriber of WORKFLOW_SUBSCRIBERS) await core.registerSubscriber({ actor, subscriber });
  if ((await core.searchWorkOrders({ actor, criteria: { subscriberLogin: 'jsmith' } })).length > 0) return [];

  const placed: string[] = [];
  // John's phone service went through before the domain asked for approvals.
  await core.setDomainRules({
    actor,
    domain: WORKFLOW_DOMAIN,
    changes: { isAuthorizationRequiredForAddOrder: false, phoneAssignmentDoneBy: null },
  });
  const mac = () => randomBytes(6).toString('hex').toUpperCase();
  const done = await core.placeWorkOrder({
    actor,
    origin: 'api',
    subscriberLogin: 'jsmith',
    orderable: 'Enhanced Phone Service',
    attributes: { Phone: { phoneType: '7965', macAddress: mac() } },
  });
  placed.push(done.order.number);
  // Now Add orders wait for an approver, and phones for an assigner to enter the MAC address.
  await core.setDomainRules({
    actor,
    domain: WORKFLOW_DOMAIN,
    changes: { isAuthorizationRequiredForAddOrder: true, phoneAssignmentDoneBy: { kind: 'group', role: 'Assignment' } },
  });
  const waiting = await core.placeWorkOrder({
    actor,
    origin: 'api',
    subscriberLogin: 'jdoe',
    orderable: 'Messaging Service',
    attributes: { Phone: { phoneType: '7945' } },
  });
  placed.push(waiting.order.number);
  return placed;
}
