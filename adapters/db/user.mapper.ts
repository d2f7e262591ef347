import type { ChatPlatform, DirectoryUser, Role, RoleGrant } from '../../core/index';
import type { Prisma, User as UserRow, UserRole as UserRoleRow } from '../../prisma/generated/sqlite/client';

export type UserWithRoles = UserRow & { roles: UserRoleRow[] };

/** Roles in a stable order (domain, then role), so equal users read back equal. */
export const withRoles = { roles: { orderBy: [{ domain: 'asc' }, { role: 'asc' }] } } satisfies Prisma.UserInclude;

/** Emails are stored lowercased and trimmed: every lookup is then case-insensitive. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function toDirectoryUser(row: UserWithRoles): DirectoryUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    slackUserId: row.slackUserId,
    teamsUserId: row.teamsUserId,
    // Only this adapter writes the column, always from a Role.
    roles: row.roles.map((r) => ({ role: r.role as Role, domain: r.domain })),
  };
}

/** The grants without duplicates: the table's key is (user, role, domain). */
export function distinctGrants(roles: RoleGrant[]): RoleGrant[] {
  const seen = new Map(roles.map((g) => [`${g.role}\n${g.domain}`, g]));
  return [...seen.values()];
}

/** The column holding a platform's user id. */
export function platformColumn(platform: ChatPlatform): 'slackUserId' | 'teamsUserId' {
  return platform === 'slack' ? 'slackUserId' : 'teamsUserId';
}
