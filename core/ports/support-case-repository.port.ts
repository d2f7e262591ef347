import type { OutboxWrites } from '../notifications/delivery';
import type { NewSupportCase, SupportCase } from '../provisioning/support-case';

export interface SupportCaseRepository {
  /** Numbers and stores the case, with the notices it plans for it in the same transaction. */
  open(supportCase: NewSupportCase, outbox: (opened: SupportCase) => OutboxWrites): Promise<SupportCase>;
  findByNumber(caseNumber: string): Promise<SupportCase | null>;
  /** Newest first. */
  listForOrder(orderNumber: string, limit: number): Promise<SupportCase[]>;
}
