import { InMemoryOrders } from './in-memory-repositories';
import { describeOrderRepository } from './order-repository.contract';

/** The contract test/integration/db/order-contract.int.test.ts runs on both databases. */
describeOrderRepository('InMemoryOrders', async () => new InMemoryOrders());
