import type { AccessRequest, AccessRequestRepository, NewAccessRequest, OutboxWrites } from '../../core/index';
import { openRequestKey } from '../../core/index';
import { toAccessRequest, toAccessRequestCreate, toPostedMessage } from './access-request.mapper';
import { toJsonText } from './json-column';
import { writeOutbox } from './outbox-writes';
import type { DbClient } from './prisma-client';
import { isUniqueViolation } from './prisma-errors';

type Opened = { request: AccessRequest; created: boolean };
type PlanNotices = (created: AccessRequest) => OutboxWrites;

export function createAccessRequestRepository(db: DbClient): AccessRequestRepository {
  return {
    open: (request, notices) => openRequest(db, request, notices),

    async findById(id) {
      const row = await db.accessRequest.findUnique({ where: { id } });
      return row ? toAccessRequest(row) : null;
    },

    async decide(id, status, decidedBy, decidedAt, notices) {
      // One conditional UPDATE, so the first decision wins even across processes: a
      // concurrent one waits for the row (PostgreSQL) or the write lock (SQLite), then
      // finds it no longer Pending and matches nothing, and writes no notices.
      return db.$transaction(async (tx) => {
        const { count } = await tx.accessRequest.updateMany({
          where: { id, status: 'Pending' },
          data: {
            status,
            openKey: null,
            decidedByName: decidedBy.name,
            decidedByEmail: decidedBy.email,
            decidedByChannel: decidedBy.channel,
            decidedAt,
          },
        });
        if (count === 1) await writeOutbox(tx, notices, new Date());
        return count === 1;
      });
    },

    async setOutcome(id, outcome, notices) {
      await db.$transaction(async (tx) => {
        await tx.accessRequest.update({ where: { id }, data: { outcome: toJsonText(outcome) } });
        await writeOutbox(tx, notices, new Date());
      });
    },

    async listPostedMessages(id) {
      const rows = await db.accessRequestMessage.findMany({ where: { requestId: id }, orderBy: { id: 'asc' } });
      return rows.map(toPostedMessage);
    },
  };
}

/**
 * INSERT with the open key, and the request's notices, in one transaction; the unique
 * index refuses a second open request with that key, on SQLite and PostgreSQL alike,
 * however many arrive at once, and the loser's transaction writes nothing. The loser
 * reads the one that won. Should that one be decided in between (its key cleared), the
 * insert is tried again: the requester may then ask anew.
 */
async function openRequest(db: DbClient, request: NewAccessRequest, notices: PlanNotices, attempts = 3): Promise<Opened> {
  const openKey = openRequestKey(request);
  try {
    return await db.$transaction(async (tx) => {
      const created = toAccessRequest(await tx.accessRequest.create({ data: { ...toAccessRequestCreate(request), openKey } }));
      await writeOutbox(tx, notices(created), new Date());
      return { request: created, created: true };
    });
  } catch (err) {
    if (!isUniqueViolation(err, 'access_requests', 'openKey') || attempts <= 1) throw err;
  }
  const waiting = await db.accessRequest.findUnique({ where: { openKey } });
  if (waiting) return { request: toAccessRequest(waiting), created: false };
  return openRequest(db, request, notices, attempts - 1);
}
