import type {
  ClaimedDelivery,
  Delivery,
  DigestItem,
  Escalation,
  OutboxRepository,
  OutboxWrites,
  PostedCopy,
  PostedMessage,
  StepNotices,
} from '../../core/index';

/** A delivery as the outbox table keeps it: the claim and lease are columns nobody outside reads. */
export interface StoredDelivery extends Delivery {
  claim: string | null;
  leaseUntil: Date | null;
  /** When it was sent or dead-lettered. */
  settledAt: Date | null;
}

/**
 * The outbox as adapters/db keeps it, and the reference for it: every method runs
 * without an await, so each is one transaction, and every result is written only
 * while the claim is still ours.
 *
 * "Ours" is the claim token, not the clock: a process whose lease ran out may still
 * record its result if nobody claimed the delivery since (the notice did go out;
 * recording it saves a second copy), and is refused (false) once someone has.
 */
export class InMemoryOutbox implements OutboxRepository {
  private readonly stored = new Map<string, StoredDelivery>();
  private readonly byKey = new Map<string, string>();
  private readonly digestItems = new Map<string, DigestItem>();
  private readonly pendingEscalations = new Map<string, Escalation>();
  private seq = 0;
  /** Where access requests' copies were posted (the access request store reads it: one database). */
  readonly accessRequestCopies = new Map<string, PostedMessage[]>();
  /** Where customers' status messages were posted (the customer store reads it: one database). */
  readonly customerCopies = new Map<string, PostedMessage[]>();
  /** Where services setups' progress messages were posted (the services setup store reads it). */
  readonly servicesSetupCopies = new Map<string, PostedMessage[]>();

  /**
   * `posted`: the work orders' posted-message store (one database), written by
   * markSent in the same step. `now`: when rows are created (inspection only).
   */
  constructor(
    private readonly posted: Map<string, PostedMessage[]> = new Map(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Every delivery ever written, in the order written, as stored (sent and dead ones too). */
  get deliveries(): StoredDelivery[] {
    return structuredClone([...this.stored.values()]);
  }
  get digests(): DigestItem[] {
    return structuredClone([...this.digestItems.values()]);
  }
  get escalations(): Escalation[] {
    return structuredClone([...this.pendingEscalations.values()]);
  }
  findByKey(key: string): StoredDelivery | null {
    const id = this.byKey.get(key);
    return id ? structuredClone(this.stored.get(id)!) : null;
  }

  async write(writes: OutboxWrites): Promise<number> {
    return this.writeNow(writes);
  }

  /** Another repository's change writes its notices inside its own step (one database). */
  writeInStep(writes: OutboxWrites): void {
    this.writeNow(writes);
  }

  /** A workflow commit's notices, inside the commit: escalations of activities acted on go before the new ones are added (a delegation restarts its own). */
  applyStepNotices(notices: StepNotices): void {
    for (const [id, e] of this.pendingEscalations)
      if (notices.cancelEscalationsFor.includes(e.activityId)) this.pendingEscalations.delete(id);
    this.writeNow(notices);
  }

  async claimDue(input: { now: Date; limit: number; leaseMs: number }): Promise<ClaimedDelivery[]> {
    const at = input.now.getTime();
    const due = [...this.stored.values()]
      .filter((d) => d.state === 'pending' && d.dueAt.getTime() <= at && (d.leaseUntil === null || d.leaseUntil.getTime() <= at))
      .sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime() || Number(x.id) - Number(y.id))
      .slice(0, input.limit);
    return due.map((d) => {
      // A claim never released: its holder died or lost its lease mid-send.
      const inDoubt = d.claim !== null;
      this.seq += 1;
      d.claim = `claim-${this.seq}`;
      d.leaseUntil = new Date(at + input.leaseMs);
      d.attempts += 1;
      const { claim, leaseUntil: _lease, settledAt: _settled, ...delivery } = structuredClone(d);
      return { ...delivery, claim: claim!, inDoubt };
    });
  }

  async markSent(delivery: ClaimedDelivery, input: { at: Date; posted?: PostedCopy }): Promise<boolean> {
    const d = this.ours(delivery);
    if (!d) return false;
    this.settle(d, 'sent', input.at);
    if (input.posted) {
      const { message } = input.posted;
      const p = input.posted;
      const [store, id] =
        'activityId' in p
          ? [this.posted, p.activityId]
          : 'accessRequestId' in p
            ? [this.accessRequestCopies, p.accessRequestId]
            : 'customerId' in p
              ? [this.customerCopies, p.customerId]
              : [this.servicesSetupCopies, p.servicesSetupId];
      store.set(id, [...(store.get(id) ?? []), structuredClone(message)]);
    }
    return true;
  }

  async markAllSent(deliveries: ClaimedDelivery[], input: { at: Date }): Promise<number> {
    let marked = 0;
    for (const delivery of deliveries) {
      const d = this.ours(delivery);
      if (!d) continue;
      this.settle(d, 'sent', input.at);
      marked += 1;
    }
    return marked;
  }

  async reschedule(
    delivery: ClaimedDelivery,
    input: { dueAt: Date; error: string | null; countAttempt: boolean; retryFrom?: Date; inDoubt?: boolean },
  ): Promise<boolean> {
    const d = this.ours(delivery);
    if (!d) return false;
    d.dueAt = new Date(input.dueAt);
    // Held back by a rate limit, it was never tried: the attempt taken at claim is given back.
    if (!input.countAttempt) d.attempts -= 1;
    if (input.error !== null) d.lastError = input.error;
    if (input.retryFrom) d.retryFrom = new Date(input.retryFrom);
    // In doubt, the claim token stays: the next claim reports it as one never released.
    if (!input.inDoubt) d.claim = null;
    d.leaseUntil = null;
    return true;
  }

  async release(deliveries: ClaimedDelivery[]): Promise<number> {
    let released = 0;
    for (const delivery of deliveries) {
      const d = this.ours(delivery);
      if (!d) continue;
      // Never tried: the attempt taken at claim is given back; its due time had come already.
      d.attempts -= 1;
      // Claimed in doubt, the claim token stays: the next claim reports it in doubt again.
      if (!delivery.inDoubt) d.claim = null;
      d.leaseUntil = null;
      released += 1;
    }
    return released;
  }

  async markDead(delivery: ClaimedDelivery, input: { at: Date; error: string; alert: OutboxWrites }): Promise<boolean> {
    const d = this.ours(delivery);
    if (!d) return false;
    this.settle(d, 'dead', input.at);
    d.lastError = input.error;
    this.writeNow(input.alert);
    return true;
  }

  async dueDigestBatches(now: Date, limit: number): Promise<{ batchKey: string; dueAt: Date }[]> {
    const earliest = new Map<string, Date>();
    for (const item of this.digestItems.values()) {
      const known = earliest.get(item.batchKey);
      if (!known || item.dueAt < known) earliest.set(item.batchKey, item.dueAt);
    }
    return [...earliest]
      .filter(([, dueAt]) => dueAt.getTime() <= now.getTime())
      .sort(([, x], [, y]) => x.getTime() - y.getTime())
      .slice(0, limit)
      .map(([batchKey, dueAt]) => ({ batchKey, dueAt: new Date(dueAt) }));
  }

  async listDigestBatch(batchKey: string, upTo: Date): Promise<DigestItem[]> {
    const items = [...this.digestItems.values()].filter((i) => i.batchKey === batchKey && i.occurredAt.getTime() <= upTo.getTime());
    return structuredClone(items.sort((x, y) => x.occurredAt.getTime() - y.occurredAt.getTime() || Number(x.id) - Number(y.id)));
  }

  async settleDigestBatch(itemIds: string[], writes: OutboxWrites): Promise<boolean> {
    if (!itemIds.every((id) => this.digestItems.has(id))) return false;
    for (const id of itemIds) this.digestItems.delete(id);
    this.writeNow(writes);
    return true;
  }

  async summary(now: Date) {
    const pending = [...this.stored.values()].filter((d) => d.state === 'pending').sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    return {
      pending: pending.length,
      due: pending.filter((d) => d.dueAt <= now).length,
      dead: [...this.stored.values()].filter((d) => d.state === 'dead').length,
      oldestDueAt: pending[0]?.dueAt ?? null,
    };
  }

  async listDead(limit: number) {
    const dead = [...this.stored.values()]
      .filter((d) => d.state === 'dead')
      .sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime() || (a.id < b.id ? -1 : 1));
    return { deliveries: structuredClone(dead.slice(0, limit)).map(asDelivery), total: dead.length };
  }

  async findDelivery(id: string) {
    const d = this.stored.get(id);
    return d ? asDelivery(structuredClone(d)) : null;
  }

  async requeueDead(now: Date, id?: string) {
    const dead = [...this.stored.values()].filter((d) => d.state === 'dead' && (id === undefined || d.id === id));
    for (const d of dead)
      Object.assign(d, { state: 'pending', attempts: 0, dueAt: now, retryFrom: null, claim: null, leaseUntil: null, settledAt: null });
    return dead.length;
  }

  async dueEscalations(now: Date, limit: number): Promise<Escalation[]> {
    const due = [...this.pendingEscalations.values()].filter((e) => e.dueAt.getTime() <= now.getTime());
    return structuredClone(due.sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime() || Number(x.id) - Number(y.id)).slice(0, limit));
  }

  async fireEscalation(id: string, writes: OutboxWrites): Promise<boolean> {
    if (!this.pendingEscalations.delete(id)) return false;
    this.writeNow(writes);
    return true;
  }

  /** All or nothing, synchronously; a delivery whose key is stored (or repeated in this write) is skipped. */
  private writeNow(writes: OutboxWrites): number {
    let added = 0;
    for (const w of writes.deliveries) {
      if (this.byKey.has(w.key)) continue;
      const id = this.nextId();
      this.stored.set(id, {
        ...structuredClone(w),
        id,
        state: 'pending',
        attempts: 0,
        lastError: null,
        retryFrom: null,
        createdAt: this.now(),
        claim: null,
        leaseUntil: null,
        settledAt: null,
      });
      this.byKey.set(w.key, id);
      added += 1;
    }
    for (const item of writes.digestItems) {
      const id = this.nextId();
      this.digestItems.set(id, { ...structuredClone(item), id });
    }
    for (const e of writes.escalations) {
      const id = this.nextId();
      this.pendingEscalations.set(id, { ...structuredClone(e), id });
    }
    return added;
  }

  private ours(delivery: ClaimedDelivery): StoredDelivery | null {
    const d = this.stored.get(delivery.id);
    return d && d.state === 'pending' && d.claim === delivery.claim ? d : null;
  }

  private settle(d: StoredDelivery, state: 'sent' | 'dead', at: Date): void {
    d.state = state;
    d.settledAt = new Date(at);
    d.claim = null;
    d.leaseUntil = null;
  }

  private nextId(): string {
    this.seq += 1;
    return String(this.seq);
  }
}

/** The stored row as the port answers it, without the table's own columns. */
function asDelivery({ claim: _claim, leaseUntil: _lease, settledAt: _settled, ...d }: StoredDelivery): Delivery {
  return d;
}
