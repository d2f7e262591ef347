import type { ClaimedDelivery } from './delivery';

/**
 * One per process, beside the lanes: the deliveries this process claimed and has not
 * started sending (queued in a lane or for a send slot). When the process stops, these
 * are handed back at once (OutboxRepository.release) so another process sends them now
 * rather than after their lease; the ones already being sent are finished instead.
 */
export class WaitingClaims {
  private readonly waiting = new Map<string, ClaimedDelivery>();
  private stopped = false;

  /** True once the process stops: no more claims, nothing more started. */
  get closed(): boolean {
    return this.stopped;
  }

  add(claimed: ClaimedDelivery[]): void {
    for (const d of claimed) this.waiting.set(d.id, d);
  }

  /** Its turn came: true when this process is still to send it (it was not handed back). */
  start(d: ClaimedDelivery): boolean {
    return this.waiting.delete(d.id);
  }

  /** Stops: takes every delivery not yet started, to be handed back. */
  close(): ClaimedDelivery[] {
    this.stopped = true;
    const handBack = [...this.waiting.values()];
    this.waiting.clear();
    return handBack;
  }
}
