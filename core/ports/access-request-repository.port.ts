import type { OutboxWrites } from '../notifications/delivery';
import type { AccessRequest, ActionOutcome, AccessRequestStatus, NewAccessRequest, PostedMessage } from '../access/access-request';

export interface AccessRequestRepository {
  /** Stores the request and the notices `notices` plans for it (it needs the new id), in one transaction. */
  create(request: NewAccessRequest, notices: (created: AccessRequest) => OutboxWrites): Promise<AccessRequest>;
  findById(id: string): Promise<AccessRequest | null>;
  /**
   * The first decision wins: updates only while the request is still Pending.
   * Returns false, writing nothing, when someone decided it first; else `notices` are
   * written to the outbox in the same transaction.
   */
  decide(
    id: string,
    status: Exclude<AccessRequestStatus, 'Pending'>,
    decidedBy: NonNullable<AccessRequest['decidedBy']>,
    decidedAt: Date,
    notices: OutboxWrites,
  ): Promise<boolean>;
  /** What the approved action did, with the notices that tell it, in one transaction. */
  setOutcome(id: string, outcome: ActionOutcome, notices: OutboxWrites): Promise<void>;
  /** Where copies were posted: the outbox stores each when it is sent (OutboxRepository.markSent). */
  listPostedMessages(id: string): Promise<PostedMessage[]>;
}
