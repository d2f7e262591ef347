import type { AccessRequestRepository } from '../../core/index';
import { toAccessRequest, toAccessRequestCreate, toPostedMessage } from './access-request.mapper';
import { toJsonText } from './json-column';
import type { DbClient } from './prisma-client';

export function createAccessRequestRepository(db: DbClient): AccessRequestRepository {
  return {
    async create(request) {
      return toAccessRequest(await db.accessRequest.create({ data: toAccessRequestCreate(request) }));
    },

    async findById(id) {
      const row = await db.accessRequest.findUnique({ where: { id } });
      return row ? toAccessRequest(row) : null;
    },

    async decide(id, status, decidedBy, decidedAt) {
      // One conditional UPDATE, so the first decision wins even across processes: a
      // concurrent one waits for the row (PostgreSQL) or the write lock (SQLite), then
      // finds it no longer Pending and matches nothing.
      const { count } = await db.accessRequest.updateMany({
        where: { id, status: 'Pending' },
        data: { status, decidedByName: decidedBy.name, decidedByEmail: decidedBy.email, decidedByChannel: decidedBy.channel, decidedAt },
      });
      return count === 1;
    },

    async setOutcome(id, outcome) {
      await db.accessRequest.update({ where: { id }, data: { outcome: toJsonText(outcome) } });
    },

    async addPostedMessage(id, message) {
      await db.accessRequestMessage.create({ data: { requestId: id, platform: message.platform, address: message.address } });
    },

    async listPostedMessages(id) {
      const rows = await db.accessRequestMessage.findMany({ where: { requestId: id }, orderBy: { id: 'asc' } });
      return rows.map(toPostedMessage);
    },
  };
}
