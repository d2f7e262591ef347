import { createHash } from 'node:crypto';
import type {
  Clock,
  CreateCustomerRequest,
  CustomerProvisioning,
  PrecheckFinding,
  RemoteCustomer,
  RemotePackageState,
  SubscriberOutcome,
} from '../../core/index';
import { isSupportedCountry, ProvisioningRefused, ProvisioningUnavailable, systemClock, unsupportedCountryReason } from '../../core/index';
import { type CustomerFailure, hasEmailFailure, type SimulatedFailure, takeCustomerFailure } from './simulated-failures';
import { EMAIL_TAKEN } from './webex-errors';

export interface SimulatedProvisioningOptions {
  /** How many polls (`getCustomer`) a new customer answers `provisioning` before it settles; default 2. */
  pollsUntilSettled?: number;
  /** Instead of counting polls: settle once this long has passed on `clock` since the create. */
  settleAfterMs?: number;
  clock?: Clock;
}

export interface SimulatedProvisioning extends CustomerProvisioning {
  injectFailure(failure: SimulatedFailure): void;
  clearFailures(): void;
  readonly failures: readonly SimulatedFailure[];
  /** Consent emails sent again, by subscriber id (what a test or a demo can check). */
  readonly consentEmailsSent: ReadonlyMap<string, number>;
}

interface SimCustomer {
  request: CreateCustomerRequest;
  createdAt: number;
  polls: number;
  failure?: CustomerFailure;
}

/** A stable id from its parts: deterministic runs, and a retried create finds the same customer. */
const stableId = (prefix: string, ...parts: string[]) =>
  `${prefix}-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16)}`;

/**
 * The embedded stand-in for the Webex Wholesale API, the default when no
 * WEBEX_ACCESS_TOKEN is set, so `npm start` works without an account. Asynchronous like
 * the real one: a create answers at once, and the customer reports `provisioning` until
 * it settles. It keeps customers, locations and subscribers in memory only: a restart
 * forgets this remote state, as a real backend would not; the core's database remains the
 * record of what was asked and what came of it.
 */
export function createSimulatedProvisioning(options: SimulatedProvisioningOptions = {}): SimulatedProvisioning {
  const clock = options.clock ?? systemClock;
  const failures: SimulatedFailure[] = [];
  const customers = new Map<string, SimCustomer>();
  const locations = new Map<string, Set<string>>(); // orgId -> location names
  const subscribers = new Map<string, { email: string; pending: boolean }>();
  const consentEmailsSent = new Map<string, number>();

  const gate = () => {
    const down = failures.find((f) => f.kind === 'unavailable' && f.times > 0);
    if (down?.kind !== 'unavailable') return;
    down.times -= 1;
    if (down.times === 0) failures.splice(failures.indexOf(down), 1);
    throw new ProvisioningUnavailable('The simulated Webex backend is unavailable for now; try again later.', down.retryAfterMs);
  };
  const settled = (c: SimCustomer) =>
    options.settleAfterMs !== undefined
      ? clock.now().getTime() - c.createdAt >= options.settleAfterMs
      : c.polls > (options.pollsUntilSettled ?? 2);
  const orgOf = (id: string) => stableId('sim-org', id);

  return {
    failures,
    consentEmailsSent,
    injectFailure(failure) {
      failures.push({ ...failure });
    },
    clearFailures() {
      failures.length = 0;
    },

    async precheck({ address }) {
      gate();
      const findings: PrecheckFinding[] = [];
      if (!isSupportedCountry(address.country))
        findings.push({ code: 'unsupported-country', message: unsupportedCountryReason(address.country) });
      for (const f of failures) {
        if (f.kind === 'precheck' && f.country.toUpperCase() === address.country.toUpperCase()) {
          findings.push(...f.findings.map((message) => ({ code: 'simulated', message })));
        }
      }
      return findings.length === 0 ? { ok: true } : { ok: false, findings };
    },

    async createCustomer(request) {
      gate();
      if (!isSupportedCountry(request.address.country)) throw new ProvisioningRefused(unsupportedCountryReason(request.address.country));
      const customerId = stableId('sim-customer', request.externalId);
      if (!customers.has(customerId)) {
        const failure = takeCustomerFailure(failures, request.customerInfo.name);
        customers.set(customerId, { request, createdAt: clock.now().getTime(), polls: 0, failure });
      }
      return { customerId };
    },

    async getCustomer(customerId) {
      gate();
      const c = customers.get(customerId);
      if (!c)
        throw new ProvisioningRefused(
          'The simulated Webex backend has no customer with this id (it forgets its customers when provbot restarts).',
        );
      c.polls += 1;
      return settled(c) ? settle(customerId, c) : inProgress(customerId, c);
    },

    async createLocation({ orgId, name }) {
      gate();
      const names = locations.get(orgId) ?? (isKnownOrg(orgId) ? new Set<string>() : null);
      if (!names) throw new ProvisioningRefused('Webex has no provisioned organization with this id, so the location cannot be added yet.');
      if (names.has(name.toLowerCase())) throw new ProvisioningRefused(`A location named ${name} already exists in this organization.`);
      names.add(name.toLowerCase());
      locations.set(orgId, names);
      return { locationId: stableId('sim-location', orgId, name.toLowerCase()) };
    },

    async createSubscriber(request): Promise<SubscriberOutcome> {
      gate();
      if (!customers.has(request.customerId))
        return { status: 'refused', code: 'unknown-customer', message: 'Webex has no customer with this id.' };
      const email = request.email.toLowerCase();
      const subscriberId = stableId('sim-subscriber', email);
      if (subscribers.has(subscriberId) || hasEmailFailure(failures, 'email-taken', email)) {
        return { status: 'refused', code: EMAIL_TAKEN.code, message: EMAIL_TAKEN.message };
      }
      const pending = hasEmailFailure(failures, 'pending-user-migration', email);
      subscribers.set(subscriberId, { email, pending });
      return { status: pending ? 'pending_user_migration' : 'provisioned', subscriberId };
    },

    async resendConsentEmail(subscriberId) {
      gate();
      if (!subscribers.get(subscriberId)?.pending) {
        throw new ProvisioningRefused(
          'This user is not waiting to consent to a move to the organization, so there is no consent email to send again.',
        );
      }
      consentEmailsSent.set(subscriberId, (consentEmailsSent.get(subscriberId) ?? 0) + 1);
    },
  };

  function isKnownOrg(orgId: string): boolean {
    return [...customers.entries()].some(
      ([id, c]) => orgOf(id) === orgId && settled(c) && c.failure?.kind !== 'customer-error' && c.failure?.kind !== 'compliance-review',
    );
  }

  function inProgress(id: string, c: SimCustomer): RemoteCustomer {
    return { id, status: 'provisioning', packages: c.request.packages.map((name) => pkg(name, 'provisioning')) };
  }

  function settle(id: string, c: SimCustomer): RemoteCustomer {
    const f = c.failure;
    if (f?.kind === 'compliance-review')
      return { id, status: 'pending_rpl_review', packages: c.request.packages.map((n) => pkg(n, 'pending_rpl_review')) };
    if (f?.kind === 'customer-error') return { id, status: 'error', packages: c.request.packages.map((n) => pkg(n, 'error', [f.reason])) };
    const packages = c.request.packages.map((n) =>
      f?.kind === 'package-errors' && f.package === n ? pkg(n, 'error', f.reasons) : pkg(n, 'provisioned'),
    );
    return { id, status: f?.kind === 'package-errors' ? 'provisioned_with_errors' : 'provisioned', orgId: orgOf(id), packages };
  }
}

function pkg(name: string, status: string, reasons: string[] = []): RemotePackageState {
  return { name, status, warnings: [], errors: reasons.map((description) => ({ code: 'simulated', description })) };
}
