import { describeSubscriberRepository } from '../../fakes/subscriber-repository.contract';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

/** The subscriber contract InMemorySubscribers passes (test/fakes/in-memory-subscribers.test.ts), on each database. */
for (const target of TARGETS) {
  describeOn(target, 'SubscriberRepository contract', () => {
    const fresh = useFreshDatabase(target);
    describeSubscriberRepository('Prisma subscribers', async () => ({
      subscribers: fresh.db.subscribers,
      workOrders: fresh.db.workOrders,
    }));
  });
}
