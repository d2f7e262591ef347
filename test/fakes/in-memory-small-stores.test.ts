import { describeCustomerUserRepository } from './customer-user-repository.contract';
import { describeDomainRulesRepository } from './domain-rules-repository.contract';
import { InMemoryCustomerUsers } from './in-memory-customer-users';
import { InMemoryDomainRules } from './in-memory-workflow';

/** The contracts test/integration/db/small-stores-contract.int.test.ts runs on both databases. */
describeCustomerUserRepository('InMemoryCustomerUsers', async () => ({
  customerUsers: new InMemoryCustomerUsers(),
  aCustomer: async () => `cus-${Math.random().toString(36).slice(2)}`,
}));
describeDomainRulesRepository('InMemoryDomainRules', async () => new InMemoryDomainRules());
