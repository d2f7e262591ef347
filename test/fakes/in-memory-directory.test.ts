import { describeChatAddressRepository } from './chat-address-repository.contract';
import { InMemoryChatAddresses, InMemoryUsers } from './in-memory-repositories';
import { describeUserRepository } from './user-repository.contract';

/** The contracts test/integration/db/directory-contract.int.test.ts runs on both databases. */
describeUserRepository('InMemoryUsers', async () => new InMemoryUsers());
describeChatAddressRepository('InMemoryChatAddresses', async () => new InMemoryChatAddresses());
