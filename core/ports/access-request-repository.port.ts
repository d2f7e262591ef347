import type { AccessRequest, ActionOutcome, AccessRequestStatus, NewAccessRequest, PostedMessage } from '../access/access-request';

export interface AccessRequestRepository {
  /**
   * Creates the request unless one with the same openRequestKey is still Pending; then
   * returns that one with `created: false`. Atomic: of any number of parallel calls
   * with one key, exactly one creates.
   */
  open(request: NewAccessRequest): Promise<{ request: AccessRequest; created: boolean }>;
  findById(id: string): Promise<AccessRequest | null>;
  /**
   * The first decision wins: updates only while the request is still Pending.
   * Returns false when someone decided it first. A decided request no longer holds
   * its open key, so the requester may ask again.
   */
  decide(
    id: string,
    status: Exclude<AccessRequestStatus, 'Pending'>,
    decidedBy: NonNullable<AccessRequest['decidedBy']>,
    decidedAt: Date,
  ): Promise<boolean>;
  setOutcome(id: string, outcome: ActionOutcome): Promise<void>;
  addPostedMessage(id: string, message: PostedMessage): Promise<void>;
  listPostedMessages(id: string): Promise<PostedMessage[]>;
}
