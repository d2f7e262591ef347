import type { CoreDeps } from '../core-deps';
import { noWrites } from '../notifications/delivery';
import type { CustomerProvisioning, RemoteCustomer, RemoteCustomerStatus } from '../ports/customer-provisioning.port';
import { ProvisioningUnavailable } from '../ports/customer-provisioning.port';
import { ORGANIZATION_READY, settleDeliveries } from './customer-notices';
import type { Customer, CustomerStatus, PackageResult } from './onboarding';
import { UNSETTLED_STATUSES } from './onboarding';
import { onboardSubscriptionOrders } from './onboard-subscription-orders';
import { servicesSetupOffers } from './services-setup-offer';

/** Customers asked about per poll; the rest wait for the next one (oldest update first). */
const POLL_BATCH = 100;

/** The API's statuses in ours; null while Webex is still working on it. */
const STATUS: Record<RemoteCustomerStatus, CustomerStatus | null> = {
  provisioning: null,
  updating: null,
  deleting: null,
  provisioned: 'provisioned',
  provisioned_with_errors: 'provisioned_with_errors',
  error: 'error',
  pending_rpl_review: 'pending_compliance_review',
};

export interface RefreshReport {
  polled: number;
  changed: number;
  /** Webex could not answer for these now; the next poll asks again. */
  unavailable: number;
}

/**
 * The scheduler's poll (every WEBEX_POLL_SECONDS): "Poll until it settles; put the
 * polling on the scheduler and the outbox, never in a request". Each customer Webex
 * has news of is recorded with its notices in one transaction; a subscription's
 * orders are onboarded before, so a failure there leaves the customer to the next poll.
 */
export async function refreshProvisioningCustomers(deps: CoreDeps): Promise<RefreshReport> {
  const report: RefreshReport = { polled: 0, changed: 0, unavailable: 0 };
  const webex = deps.customerProvisioning;
  if (!webex) return report;
  for (const customer of await deps.customers.listByStatus(UNSETTLED_STATUSES, POLL_BATCH)) {
    report.polled += 1;
    try {
      if (await refreshOne(deps, webex, customer)) report.changed += 1;
    } catch (err) {
      if (err instanceof ProvisioningUnavailable) report.unavailable += 1;
      else deps.log.error({ err, customerId: customer.id }, 'customer poll failed');
    }
  }
  if (report.changed) await deps.deliveries.deliveriesWritten();
  return report;
}

async function refreshOne(deps: CoreDeps, webex: CustomerProvisioning, customer: Customer): Promise<boolean> {
  if (!customer.remoteCustomerId) return false;
  const remote = await webex.getCustomer(customer.remoteCustomerId);
  const status = STATUS[remote.status];
  if (status === null || status === customer.status) return false;
  const orgId = remote.orgId ?? null;
  const mapped =
    customer.subscriptionId && orgId && ORGANIZATION_READY.includes(status)
      ? await onboardSubscriptionOrders(deps, customer.subscriptionId, orgId)
      : [];
  const settlement = { status, packageResults: packageResults(remote), orgId, updatedAt: deps.clock.now() };
  const copies = await deps.customers.listPostedMessages(customer.id);
  const deliveries = [...settleDeliveries(deps, customer, status, copies), ...(await servicesSetupOffers(deps, customer, mapped))];
  return deps.customers.settle(customer.id, customer.status, settlement, { ...noWrites(), deliveries });
}

/** Each package's state with its errors and warnings, in Webex's words. */
function packageResults(remote: RemoteCustomer): PackageResult[] {
  return remote.packages.map((p) => ({
    name: p.name,
    status: p.status,
    reasons: [...p.errors, ...p.warnings].map((e) => e.description),
  }));
}
