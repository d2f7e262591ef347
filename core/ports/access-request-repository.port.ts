import type { OutboxWrites } from '../notifications/delivery';
import type { AccessRequest, ActionOutcome, AccessRequestStatus, NewAccessRequest, PostedMessage } from '../access/access-request';

export interface AccessRequestRepository {
  /**
   * Creates the request, with the notices `notices` plans for it (it needs the new id),
   * in one transaction, unless one with the same openRequestKey is still Pending: then
   * returns that one with `created: false` and writes nothing. Atomic: of any number of
   * parallel calls with one key, exactly one creates.
   */
  open(request: NewAccessRequest, notices: (created: AccessRequest) => OutboxWrites): Promise<{ request: AccessRequest; created: boolean }>;
  findById(id: string): Promise<AccessRequest | null>;
  /**
   * The first decision wins: updates only while the request is still Pending.
   * Returns false, writing nothing, when someone decided it first; else `notices` are
   * written to the outbox in the same transaction. A decided request no longer holds
   * its open key, so the requester may ask again.
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
