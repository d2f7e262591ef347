import type { ChatAddressRepository } from '../../core/index';
import type { DbClient } from './prisma-client';

export function createChatAddressRepository(db: DbClient): ChatAddressRepository {
  return {
    async save(platform, platformUserId, address) {
      await db.chatAddress.upsert({
        where: { platform_platformUserId: { platform, platformUserId } },
        create: { platform, platformUserId, address },
        update: { address },
      });
    },

    async find(platform, platformUserId) {
      const row = await db.chatAddress.findUnique({ where: { platform_platformUserId: { platform, platformUserId } } });
      return row?.address ?? null;
    },
  };
}
