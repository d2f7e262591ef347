import { expect, it } from 'vitest';
import type { OutboxWrites } from '../../../core/index';
import { at, unique } from './fixtures';
import { aCustomer, aTemplate } from '../../fixtures/onboarding-records';
import { TARGETS, describeOn, useFreshDatabase, withClients } from './test-databases';

const noWrites = (): OutboxWrites => ({ deliveries: [], digestItems: [], escalations: [] });

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
