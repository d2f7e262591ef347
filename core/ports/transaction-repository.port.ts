import type {
  NewProvisioningTransaction,
  ProvisioningTransaction,
  TransactionStatus,
} from '../provisioning/provisioning-transaction';

export interface TransactionRepository {
  /** Records a Pending transaction. */
  record(tx: NewProvisioningTransaction): Promise<ProvisioningTransaction>;
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
