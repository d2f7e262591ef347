import { expect, it } from 'vitest';
import type { CustomerUser } from '../../../core/index';
import { at } from './fixtures';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';
import { aCustomer } from './customer-fixtures';

const aUser = (customerId: string, overrides: Partial<CustomerUser> = {}): CustomerUser => ({
  customerId,
  email: 'ada@globex.example',
  firstName: 'Ada',
  lastName: 'Lovelace',
  package: 'webex_calling',
  locationId: 'loc-1',
  phoneNumber: '+12015550101',
  extension: '101',
  adminRole: 'Read-only Administrator',
  status: 'creating',
  subscriberId: null,
  message: null,
  createdAt: at('2026-11-23T10:00:00Z'),
  updatedAt: at('2026-11-23T10:00:00Z'),
  ...overrides,
});

/** What one request sees is the contract's (test/fakes/customer-user-repository.contract.ts); here, two at once. */
for (const target of TARGETS) {
  describeOn(target, 'Customer user repository', () => {
    const fresh = useFreshDatabase(target);

    it('lets exactly one of two concurrent claims of a failed user win', async () => {
      const db = fresh.db;
      const customerId = await aCustomer(db);
      await db.customerUsers.claim(aUser(customerId));
      const failed = { status: 'refused' as const, subscriberId: null, message: 'No.', updatedAt: at('2026-11-23T10:01:00Z') };
      await db.customerUsers.record(customerId, 'ada@globex.example', failed);
      const claims = await Promise.all([db.customerUsers.claim(aUser(customerId)), db.customerUsers.claim(aUser(customerId))]);
      expect(claims.filter((c) => c.claimed)).toHaveLength(1);
      expect(await db.customerUsers.find(customerId, 'ada@globex.example')).toMatchObject({ status: 'creating' });
    });
  });
}
