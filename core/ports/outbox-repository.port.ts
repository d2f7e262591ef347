import type { ClaimedDelivery, Delivery, DigestItem, Escalation, OutboxWrites, PostedCopy } from '../notifications/delivery';

/**
 * The outbox's storage. Every method that settles something is all or nothing and
 * conditional, so that with several bot processes on one database each due item is
 * taken by exactly one of them: false (or an empty list) means someone else had it.
 */
export interface OutboxRepository {
  /** Outside a workflow commit; a delivery whose key is already stored is skipped (that is what the key is for). Returns deliveries added. */
  write(writes: OutboxWrites): Promise<number>;

  /**
   * Pending deliveries due at `now` and not claimed by anyone else, oldest due first,
   * each claimed for `leaseMs` (a process that dies mid-send loses its claim when the
   * lease runs out, and the delivery is tried again) with its attempt counted.
   */
  claimDue(input: { now: Date; limit: number; leaseMs: number }): Promise<ClaimedDelivery[]>;
  /** Sent; with `posted`, where an activity's or access request's copy now is (to update it in place later), stored with the result. */
  markSent(delivery: ClaimedDelivery, input: { at: Date; posted?: PostedCopy }): Promise<boolean>;
  /**
   * Sent, for many deliveries with nothing to store beside the result (no posted copy):
   * one step per claim (a dispatch round's deliveries share one), each delivery only
   * while its claim is still ours, as markSent. Returns how many it marked.
   */
  markAllSent(deliveries: ClaimedDelivery[], input: { at: Date }): Promise<number>;
  /**
   * Tried again at `dueAt`; `countAttempt: false` when it was only held back, never tried.
   * `retryFrom`: when it first failed (kept for the retry horizon). `inDoubt`: this
   * attempt's outcome is unknown, so the next claim reports it `inDoubt` (as one whose
   * process died mid-send).
   */
  reschedule(
    delivery: ClaimedDelivery,
    input: { dueAt: Date; error: string | null; countAttempt: boolean; retryFrom?: Date; inDoubt?: boolean },
  ): Promise<boolean>;
  /**
   * Hands claimed deliveries back untried (a process stopping hands over what it will
   * not send): each claim cleared and its lease ended, the attempt counted at claim
   * given back, so another process claims them at once rather than after the lease.
   * They keep their due time, which had come when they were claimed: due now, and in
   * their place in line. One claimed in doubt stays in doubt (its claim token stays, as
   * in `reschedule`). Only while the claim is still ours; returns how many it handed back.
   */
  release(deliveries: ClaimedDelivery[]): Promise<number>;
  /** The dead-letter state, with the alert to administrators written in the same transaction. */
  markDead(delivery: ClaimedDelivery, input: { at: Date; error: string; alert: OutboxWrites }): Promise<boolean>;

  /** Batches with an item due at `now`: each batch's earliest due time. */
  dueDigestBatches(now: Date, limit: number): Promise<{ batchKey: string; dueAt: Date }[]>;
  /** A batch's items that occurred up to `upTo` (the end of its first item's window), oldest first. */
  listDigestBatch(batchKey: string, upTo: Date): Promise<DigestItem[]>;
  /** Removes the items and writes their digests; false, writing nothing, when any item was already taken. */
  settleDigestBatch(itemIds: string[], writes: OutboxWrites): Promise<boolean>;

  /** Escalations due at `now`, earliest first; served by an index on the due time, so the cost follows the due count. */
  dueEscalations(now: Date, limit: number): Promise<Escalation[]>;
  /** Removes the escalation and writes its notices; false when it was already fired or cancelled. */
  fireEscalation(id: string, writes: OutboxWrites): Promise<boolean>;

  /** What the outbox holds, for operators: pending (and how many of those are due), dead, and the oldest pending due time. */
  summary(now: Date): Promise<OutboxSummary>;
  /**
   * Dead deliveries, the last tried first, at most `limit`, and how many are dead in all.
   * A dead row keeps the due time of its last attempt, so that is when it was last tried
   * (served by the index on (state, dueAt)).
   */
  listDead(limit: number): Promise<{ deliveries: Delivery[]; total: number }>;
  /** One delivery as stored, whatever its state; null when no delivery has that id. */
  findDelivery(id: string): Promise<Delivery | null>;
  /**
   * Dead deliveries back to pending, due at `now` with their attempts and retry horizon reset (after an
   * administrator fixed the cause); with `id`, only that one if it is dead. Returns how many.
   */
  requeueDead(now: Date, id?: string): Promise<number>;
}

export interface OutboxSummary {
  pending: number;
  due: number;
  dead: number;
  oldestDueAt: Date | null;
}
