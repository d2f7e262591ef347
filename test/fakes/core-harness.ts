import { createActorLimits, createCore, DEFAULT_DELIVERY_POLICY, DEFAULT_RATE_LIMITS, DEFAULT_RULES, silentLogger } from '../../core/index';
import type { Actor, RateLimits, CoreDeps, DeliveryPolicy, DirectoryUser, DomainRules, Role, Subscriber } from '../../core/index';
import { AutoDispatch } from './auto-dispatch';
import { FixedClock } from './fixed-clock';
import { InMemoryNotificationSettings } from './in-memory-notification-settings';
import {
  InMemoryAccessRequests,
  InMemorySupportCases,
  InMemoryOrders,
  InMemoryTransactions,
  InMemoryUsers,
} from './in-memory-repositories';
import { InMemoryBackend, InMemoryDomainRules, InMemorySubscribers, InMemoryWorkOrders } from './in-memory-workflow';
import { InMemoryCustomers, InMemoryTemplates } from './in-memory-onboarding';
import { ScriptedCustomerProvisioning } from './scripted-customer-provisioning';
import { InMemoryCustomerUsers } from './in-memory-customer-users';
import { libPhoneNumbers } from '../../adapters/onboarding/phone-numbers';
import { RecordingChatNotifier, RecordingEmailNotifier } from './recording-notifiers';

/**
 * The in-memory ports of the order workflow, sharing one store as the database does:
 * subscribers with work orders, work orders with the outbox their commits write to.
 */
export function workflowFakes() {
  const subscribers = new InMemorySubscribers();
  const workOrders = new InMemoryWorkOrders(subscribers);
  const templates = new InMemoryTemplates();
  return {
    templates,
    customers: new InMemoryCustomers(templates, workOrders.outbox),
    customerProvisioning: new ScriptedCustomerProvisioning(),
    customerUsers: new InMemoryCustomerUsers(),
    phoneNumbers: libPhoneNumbers,
    subscribers,
    workOrders,
    outbox: workOrders.outbox,
    notificationSettings: new InMemoryNotificationSettings(),
    domainRules: new InMemoryDomainRules(),
    backend: new InMemoryBackend(),
  };
}

/** The production policy (24-hour horizon, backoff capped at 5 minutes) with retries from 1 s, so a test can reach them by moving the clock. */
export const TEST_DELIVERY_POLICY: DeliveryPolicy = { ...DEFAULT_DELIVERY_POLICY, baseDelayMs: 1_000, leaseMs: 60_000 };

/**
 * A core on in-memory ports with recording notifiers and a fixed clock (2026-11-23 10:00 UTC).
 * Notices are delivered before a use case returns (`autoDispatch`); turn that off to
 * test the outbox itself and call `core.dispatchDeliveries()` by hand.
 */
export function coreHarness(now = '2026-11-23T10:00:00Z', options: { autoDispatch?: boolean; limits?: RateLimits } = {}) {
  const autoDispatch = new AutoDispatch();
  autoDispatch.enabled = options.autoDispatch ?? true;
  const workflow = workflowFakes();
  const clock = new FixedClock(new Date(now));
  const deps = {
    orders: new InMemoryOrders(),
    transactions: new InMemoryTransactions(workflow.outbox),
    accessRequests: new InMemoryAccessRequests(workflow.outbox),
    supportCases: new InMemorySupportCases(workflow.outbox),
    users: new InMemoryUsers(),
    ...workflow,
    deliveries: autoDispatch,
    email: new RecordingEmailNotifier(),
    chat: [new RecordingChatNotifier('slack'), new RecordingChatNotifier('teams')],
    clock,
    log: silentLogger,
    limits: createActorLimits(options.limits ?? DEFAULT_RATE_LIMITS, clock),
    settings: {
      adminPortalUrl: 'https://admin.webex.com',
      delivery: TEST_DELIVERY_POLICY,
      supportEmail: SUPPORT_EMAIL as string | null,
      supportUrl: null as string | null,
    },
  } satisfies CoreDeps;
  const core = createCore(deps);
  autoDispatch.dispatchWith(core.dispatchDeliveries);
  return { deps, core, autoDispatch, slack: deps.chat[0]!, teams: deps.chat[1]! };
}

export const DOMAIN = 'acme.example';
/** Where the harness emails support cases (SUPPORT_EMAIL); a test sets it to null to see `case` without one. */
export const SUPPORT_EMAIL = 'provisioning-support@cisco.example';
const person = (email: string, name: string, roles: string[], ids: { slack?: string; teams?: string } = {}, domain = DOMAIN) => ({
  email,
  name,
  slackUserId: ids.slack ?? null,
  teamsUserId: ids.teams ?? null,
  roles: roles.map((role) => ({ role: role as Role, domain })),
});

/** The people of the order workflow tests, by the roles the seed names. */
export const PEOPLE = {
  olive: person('olive@acme.example', 'Olive Orderer', ['Ordering'], { slack: 'UOLIVE' }),
  adam: person('adam@acme.example', 'Adam Advanced', ['Ordering', 'Advanced Ordering'], { slack: 'UADAM' }),
  april: person('april@acme.example', 'April Approver', ['Approval'], { slack: 'UAPRIL', teams: 'aad-april' }),
  arthur: person('arthur@acme.example', 'Arthur Approver', ['Approval'], { slack: 'UARTHUR' }),
  sam: person('sam@acme.example', 'Sam Assigner', ['Assignment'], { slack: 'USAM' }),
  shane: person('shane@acme.example', 'Shane Shipper', ['Shipping'], { teams: 'aad-shane' }),
  rita: person('rita@acme.example', 'Rita Receiver', ['Receiving'], { slack: 'URITA' }),
  ada: person('ada@provbot.example', 'Ada Admin', ['Administrator'], { slack: 'UADA' }, '*'),
  bob: person('bob@other.example', 'Bob Outsider', ['Ordering', 'Approval'], { slack: 'UBOB' }, 'other.example'),
};
export type PersonName = keyof typeof PEOPLE;

export const JANE: Subscriber = {
  login: 'jdoe',
  domain: DOMAIN,
  firstName: 'Jane',
  lastName: 'Doe',
  email: 'jane.doe@acme.example',
  phoneNumber: '+1 555 0100',
  department: 'Sales',
};
export const RICHARD: Subscriber = {
  login: 'rroe',
  domain: DOMAIN,
  firstName: 'Richard',
  lastName: 'Roe',
  email: 'richard.roe@acme.example',
  phoneNumber: null,
  department: 'Support',
};
export const XAVIER: Subscriber = {
  login: 'xavier',
  domain: 'other.example',
  firstName: 'Xavier',
  lastName: 'Other',
  email: 'x@other.example',
  phoneNumber: null,
  department: null,
};

/** A core with the workflow's people, three subscribers, and (optionally) rules for acme.example. */
export async function workflowHarness(rules: Partial<Omit<DomainRules, 'domain'>> = {}, options: { autoDispatch?: boolean } = {}) {
  const h = coreHarness(undefined, options);
  const users = {} as Record<PersonName, DirectoryUser>;
  for (const [key, p] of Object.entries(PEOPLE)) users[key as PersonName] = await h.deps.users.upsert(p);
  for (const s of [JANE, RICHARD, XAVIER]) await h.deps.subscribers.upsert(s);
  if (Object.keys(rules).length) await h.deps.domainRules.save({ ...DEFAULT_RULES(DOMAIN), ...rules });
  const as = (name: PersonName, channel: Actor['channel'] = 'slack'): Actor => ({
    channel,
    name: users[name].name,
    email: users[name].email,
    platformUserId: channel === 'slack' ? users[name].slackUserId : channel === 'teams' ? users[name].teamsUserId : null,
    user: users[name],
  });
  return { ...h, users, as };
}
