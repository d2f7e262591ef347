import type { Database } from '../../../adapters/db/create-database';
import type { WorkflowChange } from '../../../core/index';

/** One WorkOrderRepository.commit the running bot made: the step it tried, and whether it was written. */
export interface RecordedCommit {
  orderNumber: string;
  fromVersion: number | null;
  written: boolean;
}

/**
 * The database module with every work-order commit recorded, for vi.mock: a step
 * whose versions no longer match is not written and commit answers false, which is
 * how "the first decision wins" at the database. Recording it shows that racing
 * decisions really met there, not only in the check for a decided activity before it.
 */
export function recordingCommits(original: { createDatabase(url: string): Promise<Database> }, into: RecordedCommit[]) {
  return {
    ...original,
    async createDatabase(url: string): Promise<Database> {
      const db = await original.createDatabase(url);
      const commit = db.workOrders.commit.bind(db.workOrders);
      db.workOrders.commit = async (change: WorkflowChange) => {
        const written = await commit(change);
        into.push({ orderNumber: change.order.next.number, fromVersion: change.order.expectedVersion, written });
        return written;
      };
      return db;
    },
  };
}
