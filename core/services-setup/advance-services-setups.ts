import type { NewDelivery } from '../notifications/delivery';
import { noWrites } from '../notifications/delivery';
import { addBusinessDays } from './business-days';
import type { ServicesSetup } from './services-setup';
import type { ServicesSetupDeps } from './services-setup-deps';
import { progressUpdates, summaryDeliveries } from './services-setup-notices';

const PER_TICK = 200;
/** "If you don't activate your account within 7 business days, you'll need to be added again." */
export const ACTIVATION_BUSINESS_DAYS = 7;
/** The reminder goes two business days before the deadline. */
export const REMINDER_BUSINESS_DAYS_BEFORE = 2;

/**
 * The scheduler's step for submitted setups: reads each one's progress from the
 * backend and records it, with updates of the submitter's progress message; a completed
 * setup starts the first administrator's Connect activation deadline and sends the order
 * summary, in the same save.
 */
export async function advanceServicesSetups(deps: ServicesSetupDeps): Promise<{ completed: number; failed: number }> {
  const result = { completed: 0, failed: 0 };
  let written = false;
  for (const setup of await deps.servicesSetups.listByState('submitted', PER_TICK)) {
    if (!setup.backendJobId) continue;
    const progress = await deps.setupBackend.progress(setup.backendJobId);
    const now = deps.clock.now();
    const next: ServicesSetup = { ...setup, progress: progress.steps, version: setup.version + 1, updatedAt: now };
    const updates = progressUpdates(setup, await deps.servicesSetups.listPostedMessages(setup.customerId), next.version, now);
    const save = async (
      s: ServicesSetup,
      more: NewDelivery[] = [],
      activation?: Parameters<typeof deps.servicesSetups.saveIfVersion>[2],
    ) => {
      const deliveries = [...updates, ...more];
      const saved = await deps.servicesSetups.saveIfVersion(s, setup.version, activation, { ...noWrites(), deliveries });
      written ||= saved && deliveries.length > 0;
      return saved;
    };
    if (progress.state === 'running') {
      if (JSON.stringify(progress.steps) !== JSON.stringify(setup.progress)) await save(next);
      continue;
    }
    if (progress.state === 'failed') {
      if (await save({ ...next, state: 'failed', failure: progress.failure ?? 'the setup failed' })) result.failed += 1;
      continue;
    }
    const customer = await deps.customers.findCustomerForSetup(setup.customerId);
    const deadline = addBusinessDays(now, ACTIVATION_BUSINESS_DAYS);
    const activation = customer && {
      customerId: customer.id,
      customerName: customer.name,
      partnerDomain: customer.partnerDomain,
      adminEmail: customer.adminEmail,
      deadline,
      remindAt: addBusinessDays(deadline, -REMINDER_BUSINESS_DAYS_BEFORE),
    };
    const completed: ServicesSetup = { ...next, state: 'completed', completedAt: now };
    const summary = customer ? summaryDeliveries(customer, completed, now) : [];
    if (await save(completed, summary, activation ?? undefined)) result.completed += 1;
  }
  if (written) await deps.deliveries.deliveriesWritten();
  return result;
}
