import type { AccessRequestRepository } from '../../core/index';
import { toAccessRequest, toAccessRequestCreate, toPostedMessage } from './access-request.mapper';
import { toJsonText } from './json-column';
import { writeOutbox } from './outbox-writes';
import type { DbClient } from './prisma-client';

export function createAccessRequestRepository(db: DbClient): AccessRequestRepository {
  return {
    async create(request, notices) {
      return db.$transaction(async (tx) => {
        const created = toAccessRequest(await tx.accessRequest.create({ data: toAccessRequestCreate(request) }));
        await writeOutbox(tx, notices(created), new Date());
        return created;
      });
    },

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
          data: { status, decidedByName: decidedBy.name, decidedByEmail: decidedBy.email, decidedByChannel: decidedBy.channel, decidedAt },
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
