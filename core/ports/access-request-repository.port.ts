import type { AccessRequest, ActionOutcome, AccessRequestStatus, NewAccessRequest, PostedMessage } from '../access/access-request';

export interface AccessRequestRepository {
  create(request: NewAccessRequest): Promise<AccessRequest>;
  findById(id: string): Promise<AccessRequest | null>;
  /**
   * The first decision wins: updates only while the request is still Pending.
   * Returns false when someone decided it first.
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
