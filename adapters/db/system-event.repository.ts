import type { SystemEvent } from '../../core/index';
import type { SystemEvent as EventRow } from '../../prisma/generated/sqlite/client';
import { fromJsonText } from './json-column';
import type { DbClient } from './prisma-client';

/** A stored event with the id that marks it processed. */
export interface StoredSystemEvent extends SystemEvent {
  id: number;
}

/**
 * The events a workflow step raised (WorkOrderRepository.commit writes them with the
 * step), for the notification work of issue 4 ("Order failures", Email Notifications):
 * it reads the unprocessed ones and marks each once its notice is sent.
 */
export interface SystemEventRepository {
  /** Not yet processed, oldest first. */
  listUnprocessed(limit: number): Promise<StoredSystemEvent[]>;
  /** False when the event was already processed (by another process, say). */
  markProcessed(id: number, at: Date): Promise<boolean>;
}

function toStoredEvent(row: EventRow): StoredSystemEvent {
  return {
    id: row.id,
    // Only WorkOrderRepository.commit writes the table, always from a SystemEvent.
    type: row.type as SystemEvent['type'],
    domain: row.domain,
    orderNumber: row.orderNumber,
    occurredAt: row.occurredAt,
    detail: fromJsonText<SystemEvent['detail']>(row.detail),
  };
}

export function createSystemEventRepository(db: DbClient): SystemEventRepository {
  return {
    async listUnprocessed(limit) {
      const rows = await db.systemEvent.findMany({ where: { processedAt: null }, orderBy: { id: 'asc' }, take: limit });
      return rows.map(toStoredEvent);
    },

    async markProcessed(id, at) {
      const { count } = await db.systemEvent.updateMany({ where: { id, processedAt: null }, data: { processedAt: at } });
      return count === 1;
    },
  };
}
