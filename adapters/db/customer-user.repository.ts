import type { AdminRole, CustomerUser, CustomerUserRepository, CustomerUserStatus, WebexPackage } from '../../core/index';
import type { CustomerUser as CustomerUserRow } from '../../prisma/generated/sqlite/client';
import { isUniqueViolation } from './prisma-errors';
import type { DbClient } from './prisma-client';

/** A refused or failed user may be tried again; a created one, or one being created, may not. */
const RETRYABLE: CustomerUserStatus[] = ['refused', 'error'];

export function createCustomerUserRepository(db: DbClient): CustomerUserRepository {
  const where = (customerId: string, email: string) => ({ customerId_email: { customerId, email: email.toLowerCase() } });
  return {
    async claim(user) {
      try {
        return { claimed: true, user: toCustomerUser(await db.customerUser.create({ data: toRow(user) })) };
      } catch (err) {
        if (!isUniqueViolation(err, 'customer_users')) throw err;
      }
      // One UPDATE ... WHERE status IN (refused, error): of two requests retrying one user, one wins.
      const { createdAt: _kept, ...again } = toRow(user);
      const taken = await db.customerUser.updateMany({
        where: { customerId: user.customerId, email: again.email, status: { in: RETRYABLE } },
        data: again,
      });
      const row = await db.customerUser.findUniqueOrThrow({ where: where(user.customerId, user.email) });
      return { claimed: taken.count === 1, user: toCustomerUser(row) };
    },

    async record(customerId, email, outcome) {
      await db.customerUser.update({ where: where(customerId, email), data: outcome });
    },

    async find(customerId, email) {
      const row = await db.customerUser.findUnique({ where: where(customerId, email) });
      return row ? toCustomerUser(row) : null;
    },

    async list(customerId) {
      const rows = await db.customerUser.findMany({ where: { customerId }, orderBy: [{ createdAt: 'asc' }, { email: 'asc' }] });
      return rows.map(toCustomerUser);
    },
  };
}

function toRow(u: CustomerUser): CustomerUserRow {
  return { ...u, email: u.email.toLowerCase() };
}

function toCustomerUser(row: CustomerUserRow): CustomerUser {
  return {
    ...row,
    package: row.package as WebexPackage,
    adminRole: row.adminRole as AdminRole | null,
    status: row.status as CustomerUserStatus,
  };
}
