import { describeOutboxRepository } from '../../fakes/outbox-repository.contract';
import { aSubscriber, aWorkOrder, anActivity, placing } from './fixtures';
import { useRawTables } from './raw-rows';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

/**
 * The outbox contract the in-memory fake passes (test/fakes/in-memory-outbox.test.ts),
 * run against the Prisma repository on each database, so the fake the core's tests lean
 * on cannot drift from what SQLite and PostgreSQL do. Each test starts from an empty outbox
 * (the contract's keys repeat from test to test) and a work order of its own.
 */
for (const target of TARGETS) {
  describeOn(target, 'OutboxRepository contract', () => {
    const fresh = useFreshDatabase(target);
    const raw = useRawTables(() => fresh.url);

    describeOutboxRepository('Prisma outbox', async () => {
      await raw.clearOutbox();
      const subscriber = aSubscriber();
      const order = aWorkOrder({ subscriberLogin: subscriber.login });
      const activity = anActivity(order.number);
      await fresh.db.subscribers.upsert(subscriber);
      await fresh.db.workOrders.commit(placing(order, activity));
      return { outbox: fresh.db.outbox, activityId: activity.id, listPosted: (id) => fresh.db.workOrders.listPostedMessages(id) };
    });
  });
}
