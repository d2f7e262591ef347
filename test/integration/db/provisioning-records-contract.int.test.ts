import { describeSupportCaseRepository } from '../../fakes/support-case-repository.contract';
import { describeTransactionRepository } from '../../fakes/transaction-repository.contract';
import { useRawTables } from './raw-rows';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

/** The transaction and support-case contracts the fakes pass (test/fakes/in-memory-provisioning-records.test.ts), on each database. */
for (const target of TARGETS) {
  describeOn(target, 'TransactionRepository and SupportCaseRepository contracts', () => {
    const fresh = useFreshDatabase(target);
    const raw = useRawTables(() => fresh.url);
    const deliveryKeys = async () => (await raw.rows<{ key: string }>('SELECT key FROM deliveries')).map((r) => r.key);
    describeTransactionRepository('Prisma transactions', async () => ({
      transactions: fresh.db.transactions,
      orders: fresh.db.orders,
      deliveryKeys,
    }));
    describeSupportCaseRepository('Prisma support cases', async () => ({
      cases: fresh.db.supportCases,
      orders: fresh.db.orders,
      deliveryKeys,
    }));
  });
}
