import type { AccessRequest, AccessRequestRepository, NewAccessRequest } from '../../core/index';
import { openRequestKey } from '../../core/index';
import { toAccessRequest, toAccessRequestCreate, toPostedMessage } from './access-request.mapper';
import { toJsonText } from './json-column';
import type { DbClient } from './prisma-client';
import { isUniqueViolation } from './prisma-errors';

type Opened = { request: AccessRequest; created: boolean };

export function createAccessRequestRepository(db: DbClient): AccessRequestRepository {
  return {
    open: (request) => openRequest(db, request),

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
        data: { status, openKey: null, decidedByName: decidedBy.name, decidedByEmail: decidedBy.email, decidedByChannel: decidedBy.channel, decidedAt },
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

/**
 * INSERT with the open key; the unique index refuses a second open request with that
 * key, on SQLite and PostgreSQL alike, however many arrive at once. The loser reads the
 * one that won. Should that one be decided in between (its key cleared), the insert is
 * tried again: the requester may then ask anew.
 */
async function openRequest(db: DbClient, request: NewAccessRequest, attempts = 3): Promise<Opened> {
  const openKey = openRequestKey(request);
  try {
    const row = await db.accessRequest.create({ data: { ...toAccessRequestCreate(request), openKey } });
    return { request: toAccessRequest(row), created: true };
  } catch (err) {
    if (!isUniqueViolation(err, 'access_requests', 'openKey') || attempts <= 1) throw err;
  }
  const waiting = await db.accessRequest.findUnique({ where: { openKey } });
  if (waiting) return { request: toAccessRequest(waiting), created: false };
  return openRequest(db, request, attempts - 1);
}
