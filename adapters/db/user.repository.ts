import { ANY_DOMAIN, CoreError } from '../../core/index';
import type { ChatPlatform, UserRepository, UserUpsert } from '../../core/index';
import type { DbClient } from './prisma-client';
import { isUniqueViolation } from './prisma-errors';
import { distinctGrants, normalizeEmail, platformColumn, toDirectoryUser, withRoles } from './user.mapper';

export function createUserRepository(db: DbClient): UserRepository {
  return {
    async upsert(user) {
      const email = normalizeEmail(user.email);
      // Platform ids left undefined keep what is stored (a link learnt from chat
      // survives a directory update that does not mention it); null clears them.
      const ids = { slackUserId: user.slackUserId, teamsUserId: user.teamsUserId };
      try {
        const row = await db.$transaction(async (tx) => {
          const saved = await tx.user.upsert({
            where: { email },
            create: { email, name: user.name, ...ids },
            update: { name: user.name, ...ids },
          });
          // Roles are replaced whole, within the same transaction as the user.
          await tx.userRole.deleteMany({ where: { userId: saved.id } });
          await tx.userRole.createMany({ data: distinctGrants(user.roles).map((g) => ({ userId: saved.id, ...g })) });
          return tx.user.findUniqueOrThrow({ where: { id: saved.id }, include: withRoles });
        });
        return toDirectoryUser(row);
      } catch (err) {
        throw platformIdTaken(err, user) ?? err;
      }
    },

    async findByEmail(email) {
      const row = await db.user.findUnique({ where: { email: normalizeEmail(email) }, include: withRoles });
      return row ? toDirectoryUser(row) : null;
    },

    async findByPlatformId(platform, platformUserId) {
      const where = platform === 'slack' ? { slackUserId: platformUserId } : { teamsUserId: platformUserId };
      const row = await db.user.findUnique({ where, include: withRoles });
      return row ? toDirectoryUser(row) : null;
    },

    async linkPlatformId(userId, platform, platformUserId) {
      try {
        await db.user.updateMany({ where: { id: userId }, data: { [platformColumn(platform)]: platformUserId } });
      } catch (err) {
        throw platformIdTaken(err, { [platformColumn(platform)]: platformUserId }) ?? err;
      }
    },

    async listByRole(role, domain) {
      // A grant for '*' holds the role in every domain.
      const rows = await db.user.findMany({
        where: { roles: { some: { role, domain: { in: [domain, ANY_DOMAIN] } } } },
        include: withRoles,
        orderBy: { email: 'asc' },
      });
      return rows.map(toDirectoryUser);
    },

    async listDomains() {
      const rows = await db.userRole.findMany({
        where: { domain: { not: ANY_DOMAIN } },
        distinct: ['domain'],
        select: { domain: true },
        orderBy: { domain: 'asc' },
      });
      return rows.map((r) => r.domain);
    },
  };
}

/** A chat identity belongs to one directory user: taking another's is a CONFLICT. */
function platformIdTaken(err: unknown, ids: Pick<UserUpsert, 'slackUserId' | 'teamsUserId'>): CoreError | null {
  for (const platform of ['slack', 'teams'] as ChatPlatform[]) {
    const column = platformColumn(platform);
    if (isUniqueViolation(err, 'users', column)) {
      return new CoreError('CONFLICT', { reason: `${platform} user ${ids[column] ?? ''} is already linked to another user` });
    }
  }
  return null;
}
