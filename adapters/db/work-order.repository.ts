import { ANY_DOMAIN } from '../../core/index';
import type { ActivityStatus, DirectoryUser, WorkOrderRepository } from '../../core/index';
import type { Prisma } from '../../prisma/generated/sqlite/client';
import type { DbClient, DbTransaction } from './prisma-client';
import { normalizeEmail } from './user.mapper';
import { commitChange } from './work-order-commit';
import { newestFirst, toSearchWhere } from './work-order-search';
import { toActivity, toPostedMessage, toWorkOrder } from './work-order.mapper';

const LIVE: ActivityStatus[] = ['Open', 'Accepted'];
/** Oldest first; seq breaks ties between activities created in the same millisecond. */
const oldestFirst: Prisma.ActivityOrderByWithRelationInput[] = [{ createdAt: 'asc' }, { seq: 'asc' }];

export function createWorkOrderRepository(db: DbClient): WorkOrderRepository {
  return {
    async nextOrderNumber() {
      return `WO-${String(await nextCounterValue(db, 'work_order')).padStart(6, '0')}`;
    },

    commit: (change) => commitChange(db, change),

    async findByNumber(orderNumber) {
      const row = await db.workOrder.findUnique({ where: { number: orderNumber } });
      return row ? toWorkOrder(row) : null;
    },

    async listActivities(orderNumber) {
      return (await db.activity.findMany({ where: { orderNumber }, orderBy: oldestFirst })).map(toActivity);
    },

    async findActivity(activityId) {
      const row = await db.activity.findUnique({ where: { id: activityId } });
      return row ? toActivity(row) : null;
    },

    async listActivitiesFor(user, limit) {
      const rows = await db.activity.findMany({ where: { status: { in: LIVE }, OR: assignedTo(user) }, orderBy: oldestFirst, take: limit });
      return rows.map(toActivity);
    },

    async search(criteria, limit) {
      return (await db.workOrder.findMany({ where: toSearchWhere(criteria), orderBy: newestFirst, take: limit })).map(toWorkOrder);
    },

    async addPostedMessage(activityId, message) {
      await db.activityPostedMessage.create({ data: { activityId, platform: message.platform, address: message.address } });
    },

    async listPostedMessages(activityId) {
      const rows = await db.activityPostedMessage.findMany({ where: { activityId }, orderBy: { id: 'asc' } });
      return rows.map(toPostedMessage);
    },
  };
}

/**
 * "Each is assigned to a user or a group by the rules. A group is a role in the order's
 * domain": the user's own email, or each role they hold there ('*' grants: anywhere).
 */
function assignedTo(user: DirectoryUser): Prisma.ActivityWhereInput[] {
  const byRole = user.roles.map((g) => (g.domain === ANY_DOMAIN ? { assigneeRole: g.role } : { assigneeRole: g.role, domain: g.domain }));
  return [{ assigneeEmail: normalizeEmail(user.email) }, ...byRole];
}

/**
 * One statement, so two processes never draw the same value: the insert creates the
 * counter at 1, a conflict bumps it, and RETURNING hands back what this statement wrote
 * (PostgreSQL locks the row; SQLite holds the write lock). SQLite has had upsert and
 * RETURNING since 3.35; better-sqlite3 12 bundles a newer one.
 */
export async function nextCounterValue(db: DbClient | DbTransaction, name: 'work_order' | 'support_case'): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ value: number | bigint }[]>(
    `INSERT INTO "counters" ("name", "value") VALUES ('${name}', 1)
     ON CONFLICT ("name") DO UPDATE SET "value" = "counters"."value" + 1
     RETURNING "value"`,
  );
  const value = rows[0]?.value;
  if (value === undefined) throw new Error(`counter ${name} returned no value`);
  return Number(value);
}
