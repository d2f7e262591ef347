import { describe, expect, it } from 'vitest';
import { ProvisioningRefused, ProvisioningUnavailable } from '../../core/index';
import { customerRequest, describeCustomerProvisioning } from '../../test/fakes/customer-provisioning.contract';
import { FixedClock } from '../../test/fakes/fixed-clock';
import { createSimulatedProvisioning } from './simulated-provisioning';

describeCustomerProvisioning('simulated provisioning', async () => {
  const sim = createSimulatedProvisioning({ pollsUntilSettled: 2 });
  return {
    provisioning: sim,
    pollsUntilSettled: 2,
    failPackage: (customerName, pkg, reason) =>
      sim.injectFailure({ kind: 'package-errors', customerName, package: pkg, reasons: [reason] }),
    complianceReview: (customerName) => sim.injectFailure({ kind: 'compliance-review', customerName }),
    precheckFinding: (country, message) => sim.injectFailure({ kind: 'precheck', country, findings: [message] }),
    emailTaken: (email) => sim.injectFailure({ kind: 'email-taken', email }),
    pendingMigration: (email) => sim.injectFailure({ kind: 'pending-user-migration', email }),
    unavailable: (times) => sim.injectFailure({ kind: 'unavailable', times }),
    consentEmailsSent: (id) => sim.consentEmailsSent.get(id) ?? 0,
    close: async () => {},
  };
});

describe('simulated provisioning', () => {
  it('settles on a driven clock when given a delay, whatever the number of polls', async () => {
    const clock = new FixedClock(new Date('2026-01-01T00:00:00Z'));
    const sim = createSimulatedProvisioning({ settleAfterMs: 60_000, clock });
    const { customerId } = await sim.createCustomer(customerRequest('Acme'));
    for (let i = 0; i < 5; i++) expect((await sim.getCustomer(customerId)).status).toBe('provisioning');
    clock.advanceMs(60_000);
    expect(await sim.getCustomer(customerId)).toMatchObject({ status: 'provisioned', orgId: expect.stringMatching(/^sim-org-/) });
  });

  it('is deterministic: the same customer gets the same id and organization in every run', async () => {
    const run = async () => {
      const sim = createSimulatedProvisioning({ pollsUntilSettled: 0 });
      const { customerId } = await sim.createCustomer(customerRequest('Acme'));
      return sim.getCustomer(customerId);
    };
    expect(await run()).toEqual(await run());
  });

  it('a customer in error names the reason on each package and has no organization', async () => {
    const sim = createSimulatedProvisioning({ pollsUntilSettled: 0 });
    sim.injectFailure({ kind: 'customer-error', reason: 'The onboarding template was deleted.' });
    const { customerId } = await sim.createCustomer(customerRequest('Acme'));
    const customer = await sim.getCustomer(customerId);
    expect(customer).toMatchObject({
      status: 'error',
      packages: [{ status: 'error', errors: [{ description: 'The onboarding template was deleted.' }] }, {}],
    });
    expect(customer.orgId).toBeUndefined();
    expect(sim.failures).toEqual([]);
  });

  it('is unavailable exactly N times, saying when to come back if told', async () => {
    const sim = createSimulatedProvisioning();
    sim.injectFailure({ kind: 'unavailable', times: 2, retryAfterMs: 5_000 });
    for (let i = 0; i < 2; i++) {
      const err = await sim.precheck({ address: customerRequest('A').address }).catch((e) => e);
      expect(err).toBeInstanceOf(ProvisioningUnavailable);
      expect(err.retryAfterMs).toBe(5_000);
    }
    expect(await sim.precheck({ address: customerRequest('A').address })).toEqual({ ok: true });
  });

  it('forgets unknown customers in words (a restart loses its memory; the database keeps the record)', async () => {
    const sim = createSimulatedProvisioning();
    const err = await sim.getCustomer('sim-customer-unknown').catch((e) => e);
    expect(err).toBeInstanceOf(ProvisioningRefused);
    expect(err.message).toMatch(/forgets its customers when provbot restarts/);
  });
});
