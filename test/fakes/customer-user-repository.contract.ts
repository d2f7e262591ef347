import { describe, expect, it } from 'vitest';
import type { CustomerUser, CustomerUserRepository } from '../../core/index';
import { at, unique } from '../integration/db/fixtures';

/**
 * What CustomerUserRepository promises (core/ports/customer-user-repository.port.ts), through
 * the port only, so InMemoryCustomerUsers and adapters/db run the same suite.
 */
export interface CustomerUsersUnderTest {
  customerUsers: CustomerUserRepository;
  /** A customer stored next to them (a user row names one); its id. */
  aCustomer(): Promise<string>;
}

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

export function describeCustomerUserRepository(name: string, make: () => Promise<CustomerUsersUnderTest>) {
  describe(name, () => {
    it('claims a user once per customer and email: a second claim, in any case, gets the stored row untouched', async () => {
      const s = await make();
      const customerId = await s.aCustomer();
      const user = aUser(customerId);
      expect(await s.customerUsers.claim(user)).toEqual({ claimed: true, user });
      const again = await s.customerUsers.claim(aUser(customerId, { email: 'ADA@globex.example', firstName: 'Other' }));
      expect(again).toEqual({ claimed: false, user });
      const outcome = { status: 'provisioned' as const, subscriberId: 'sub-1', message: null, updatedAt: at('2026-11-23T10:01:00Z') };
      await s.customerUsers.record(customerId, 'ada@globex.example', outcome);
      expect(await s.customerUsers.claim(user)).toEqual({ claimed: false, user: { ...user, ...outcome } });
      expect(await s.customerUsers.list(customerId)).toEqual([{ ...user, ...outcome }]);
    });

    it('claims again a user whose creation was refused or failed, keeping when it was first added', async () => {
      const s = await make();
      const customerId = await s.aCustomer();
      await s.customerUsers.claim(aUser(customerId));
      await s.customerUsers.record(customerId, 'ada@globex.example', {
        status: 'error',
        subscriberId: null,
        message: 'Webex was busy.',
        updatedAt: at('2026-11-23T10:01:00Z'),
      });
      const retry = aUser(customerId, { lastName: 'King', createdAt: at('2026-11-23T11:00:00Z'), updatedAt: at('2026-11-23T11:00:00Z') });
      expect(await s.customerUsers.claim(retry)).toEqual({ claimed: true, user: { ...retry, createdAt: at('2026-11-23T10:00:00Z') } });
    });

    it('finds a user by customer and email in any case, lists them in the order first added, and finds none elsewhere', async () => {
      const s = await make();
      const customerId = await s.aCustomer();
      const ada = aUser(customerId, { createdAt: at('2026-11-23T10:05:00Z'), updatedAt: at('2026-11-23T10:05:00Z') });
      const bo = aUser(customerId, { email: 'bo@globex.example' });
      for (const u of [ada, bo]) await s.customerUsers.claim(u);
      const refused = { status: 'refused' as const, subscriberId: null, message: 'No.', updatedAt: at('2026-11-23T10:01:00Z') };
      await s.customerUsers.record(customerId, 'BO@globex.example', refused);
      // Claimed again later: it keeps when it was first added, so its place in the list.
      const later = at('2026-11-23T11:00:00Z');
      await s.customerUsers.claim(aUser(customerId, { email: 'bo@globex.example', firstName: 'Bo', createdAt: later, updatedAt: later }));
      expect((await s.customerUsers.list(customerId)).map((u) => u.email)).toEqual(['bo@globex.example', 'ada@globex.example']);
      expect(await s.customerUsers.find(customerId, 'Ada@Globex.example')).toEqual(ada);
      expect(await s.customerUsers.find(`cus-${unique()}`, 'nobody@x.example')).toBeNull();
      expect(await s.customerUsers.list(`cus-${unique()}`)).toEqual([]);
    });
  });
}
