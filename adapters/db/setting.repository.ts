import type { DbClient } from './prisma-client';
import { isUniqueViolation } from './prisma-errors';

/** Values the bot makes up once and keeps across restarts, such as the link-signing secret. */
export interface SettingRepository {
  /**
   * The stored value, or `create()`'s, stored first. When two processes start at once
   * both may create a value, but only the first is stored and both return it.
   */
  getOrCreate(key: string, create: () => string): Promise<string>;
}

export function createSettingRepository(db: DbClient): SettingRepository {
  const find = async (key: string) => (await db.setting.findUnique({ where: { key } }))?.value ?? null;
  return {
    async getOrCreate(key, create) {
      const stored = await find(key);
      if (stored !== null) return stored;
      const value = create();
      try {
        await db.setting.create({ data: { key, value } });
        return value;
      } catch (err) {
        if (!isUniqueViolation(err, 'settings')) throw err;
        const winner = await find(key);
        if (winner === null) throw err;
        return winner;
      }
    },
  };
}
