import { expect, it } from 'vitest';
import type { CustomerLocation, NewCustomer, OnboardingTemplate, OutboxWrites } from '../../../core/index';
import { at, unique } from './fixtures';
import { TARGETS, describeOn, useFreshDatabase, withClients } from './test-databases';

const noWrites = (): OutboxWrites => ({ deliveries: [], digestItems: [], escalations: [] });

function aTemplate(domain: string, overrides: Partial<OnboardingTemplate> = {}): OnboardingTemplate {
  return {
    id: `tpl-${unique()}`,
    domain,
    name: 'Retail calling',
    subscriptionId: 'Sub-100',
    authenticationMethod: 'sso',
    pstnVendor: null,
    language: 'en_US',
    timezone: 'Europe/Paris',
    packages: ['webex_calling', 'cisco_calling_plan'],
    provisioningId: `prov-${unique()}`,
    createdBy: { name: 'Paula Partner', email: 'paula@acme.example' },
    createdAt: at('2026-11-23T10:00:00Z'),
    ...overrides,
  };
}

function aLocation(customerId: string, overrides: Partial<CustomerLocation> = {}): CustomerLocation {
  return {
    id: `loc-${unique()}`,
    customerId,
    name: 'Headquarters',
    address: { addressLine1: '1 Rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'FR' },
    remoteLocationId: null,
    headquarters: true,
    createdAt: at('2026-11-23T10:00:00Z'),
    ...overrides,
  };
}

function aCustomer(template: OnboardingTemplate, overrides: Partial<NewCustomer> = {}): NewCustomer {
  const id = `cus-${unique()}`;
  return {
    id,
    domain: template.domain,
    name: 'Globex',
    adminEmail: 'it@globex.example',
    templateId: template.id,
    packages: ['webex_calling'],
    status: 'provisioning',
    packageResults: [],
    remoteCustomerId: `webex-${unique()}`,
    orgId: null,
    subscriptionId: 'Sub-100',
    createdBy: { name: 'Paula Partner', email: 'paula@acme.example', channel: 'slack', platformUserId: 'UPAULA' },
    createdAt: at('2026-11-23T10:00:00Z'),
    headquarters: aLocation(id),
    ...overrides,
  };
}

for (const target of TARGETS) {
  // What one client sees is the contract's (test/fakes/onboarding-repository.contract.ts); here, racing clients.
  describeOn(target, 'Onboarding repositories', () => {
    const fresh = useFreshDatabase(target);
    const templates = () => fresh.db.templates;
    const customers = () => fresh.db.customers;

    it('records a settlement once when two processes settle at once', async () => {
      const template = aTemplate(`s-${unique()}.example`);
      await templates().create(template);
      const input = aCustomer(template);
      await customers().create(input);
      const settlement = {
        status: 'provisioned' as const,
        packageResults: [{ name: 'webex_calling', status: 'provisioned', reasons: [] }],
        orgId: 'org-1',
        updatedAt: at('2026-11-23T10:05:00Z'),
      };
      const key = `customer-status:${input.id}:provisioned`;
      const writes: OutboxWrites = {
        ...noWrites(),
        deliveries: [
          {
            key,
            target: { channel: 'email', address: 'paula@acme.example', asUser: false, domain: template.domain },
            content: { kind: 'customer-status', customerId: input.id, status: 'provisioned' },
            dueAt: settlement.updatedAt,
          },
        ],
      };
      const outcomes = await withClients(fresh.url, 2, (dbs) =>
        Promise.all(dbs.map((db) => db.customers.settle(input.id, 'provisioning', settlement, writes))),
      );
      expect(outcomes.sort()).toEqual([false, true]);
      expect(await customers().findById(input.id)).toMatchObject({
        status: 'provisioned',
        orgId: 'org-1',
        packageResults: settlement.packageResults,
      });
      const pending = await fresh.db.outbox.claimDue({ now: at('2026-11-23T10:06:00Z'), limit: 100, leaseMs: 60_000 });
      expect(pending.filter((d) => d.key === key)).toHaveLength(1);
    });
  });
}
