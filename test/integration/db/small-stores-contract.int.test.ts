import { describeCustomerUserRepository } from '../../fakes/customer-user-repository.contract';
import { describeDomainRulesRepository } from '../../fakes/domain-rules-repository.contract';
import { aCustomer } from './customer-fixtures';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

/** The customer-user and domain-rules contracts the fakes pass (test/fakes/in-memory-small-stores.test.ts), on each database. */
for (const target of TARGETS) {
  describeOn(target, 'CustomerUserRepository and DomainRulesRepository contracts', () => {
    const fresh = useFreshDatabase(target);
    describeCustomerUserRepository('Prisma customer users', async () => ({
      customerUsers: fresh.db.customerUsers,
      aCustomer: () => aCustomer(fresh.db),
    }));
    describeDomainRulesRepository('Prisma domain rules', async () => fresh.db.domainRules);
  });
}
