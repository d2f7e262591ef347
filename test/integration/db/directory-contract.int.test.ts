import { describeChatAddressRepository } from '../../fakes/chat-address-repository.contract';
import { describeUserRepository } from '../../fakes/user-repository.contract';
import { TARGETS, describeOn, useFreshDatabase } from './test-databases';

/** The user and chat-address contracts the in-memory fakes pass (test/fakes/in-memory-directory.test.ts), on each database. */
for (const target of TARGETS) {
  describeOn(target, 'UserRepository and ChatAddressRepository contracts', () => {
    const fresh = useFreshDatabase(target);
    describeUserRepository('Prisma users', async () => fresh.db.users);
    describeChatAddressRepository('Prisma chat addresses', async () => fresh.db.chatAddresses);
  });
}
