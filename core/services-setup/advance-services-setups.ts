import { addBusinessDays } from './business-days';
import type { ServicesSetup } from './services-setup';
import type { ServicesSetupDeps } from './services-setup-deps';

const PER_TICK = 200;
/** "If you don't activate your account within 7 business days, you'll need to be added again." */
export const ACTIVATION_BUSINESS_DAYS = 7;
/** The reminder goes two business days before the deadline. */
export const REMINDER_BUSINESS_DAYS_BEFORE = 2;

/**
 * The scheduler's step for submitted setups: reads each one's progress from the
 * backend and records it; a completed setup starts the first administrator's Connect
 * activation deadline, in the same save.
 */
export async function advanceServicesSetups(deps: ServicesSetupDeps): Promise<{ completed: number; failed: number }> {
  const result = { completed: 0, failed: 0 };
  for (const setup of await deps.servicesSetups.listByState('submitted', PER_TICK)) {
    if (!setup.backendJobId) continue;
    const progress = await deps.setupBackend.progress(setup.backendJobId);
    const now = deps.clock.now();
    const next: ServicesSetup = { ...setup, progress: progress.steps, version: setup.version + 1, updatedAt: now };
    if (progress.state === 'running') {
      if (JSON.stringify(progress.steps) !== JSON.stringify(setup.progress)) await deps.servicesSetups.saveIfVersion(next, setup.version);
      continue;
    }
    if (progress.state === 'failed') {
      if (
        await deps.servicesSetups.saveIfVersion(
          { ...next, state: 'failed', failure: progress.failure ?? 'the setup failed' },
          setup.version,
        )
      )
        result.failed += 1;
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
    if (await deps.servicesSetups.saveIfVersion({ ...next, state: 'completed', completedAt: now }, setup.version, activation ?? undefined))
      result.completed += 1;
  }
  return result;
}
