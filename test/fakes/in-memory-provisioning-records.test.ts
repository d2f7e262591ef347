import { InMemoryOrders, InMemorySupportCases, InMemoryTransactions } from './in-memory-repositories';
import { InMemoryOutbox } from './in-memory-outbox';
import { describeSupportCaseRepository } from './support-case-repository.contract';
import { describeTransactionRepository } from './transaction-repository.contract';

/** The contracts test/integration/db/provisioning-records-contract.int.test.ts runs on both databases. */
function store() {
  const outbox = new InMemoryOutbox();
  return { outbox, orders: new InMemoryOrders(), deliveryKeys: async () => outbox.deliveries.map((d) => d.key) };
}
describeTransactionRepository('InMemoryTransactions', async () => {
  const s = store();
  return { ...s, transactions: new InMemoryTransactions(s.outbox) };
});
describeSupportCaseRepository('InMemorySupportCases', async () => {
  const s = store();
  return { ...s, cases: new InMemorySupportCases(s.outbox) };
});
