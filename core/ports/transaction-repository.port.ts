import type { OutboxWrites } from '../notifications/delivery';
import type { NewProvisioningTransaction, ProvisioningTransaction, TransactionStatus } from '../provisioning/provisioning-transaction';

export interface TransactionRepository {
  /** Records a Pending transaction; with `outbox`, the notices it plans for the new row in the same transaction. */
  record(tx: NewProvisioningTransaction, outbox?: (recorded: ProvisioningTransaction) => OutboxWrites): Promise<ProvisioningTransaction>;
  findById(id: string): Promise<ProvisioningTransaction | null>;
  complete(id: string, status: Exclude<TransactionStatus, 'Pending'>, completedAt: Date, error?: string): Promise<void>;
  /** Completes every Pending row of a line (contact changes made before the RSD wait for its initial email). */
  completePendingForLine(
    orderNumber: string,
    lineNumber: number,
    status: Exclude<TransactionStatus, 'Pending'>,
    completedAt: Date,
    error?: string,
  ): Promise<void>;
  /** Newest first. */
  listForOrder(orderNumber: string, limit: number): Promise<ProvisioningTransaction[]>;
}
