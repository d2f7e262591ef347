import { AsyncLocalStorage } from 'node:async_hooks';
import type { DeliveryTrigger, DispatchReport } from '../../core/index';

/**
 * A delivery trigger that delivers before it returns, so a use case's notices have
 * been sent when the use case returns (the bot's trigger only starts a dispatch).
 *
 * Calls coalesce: while a dispatch runs, another call asks for one more run after it.
 * A call from outside waits for that; a call from inside the dispatch (a dead letter's
 * alert, an update to a card decided while it was posted) cannot wait for the dispatch
 * it is part of, so it only asks.
 */
export class AutoDispatch implements DeliveryTrigger {
  /** Off: deliveries wait in the outbox until the test calls `core.dispatchDeliveries()`. */
  enabled = true;
  /** Times a change said it wrote deliveries, counted on or off. */
  signals = 0;
  private dispatch: (() => Promise<DispatchReport>) | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private readonly inside = new AsyncLocalStorage<true>();

  dispatchWith(dispatch: () => Promise<DispatchReport>): void {
    this.dispatch = dispatch;
  }

  async deliveriesWritten(): Promise<void> {
    this.signals += 1;
    if (!this.enabled) return;
    if (!this.dispatch) throw new Error('AutoDispatch: dispatchWith(core.dispatchDeliveries) was not called');
    if (this.running) {
      this.again = true;
      if (this.inside.getStore()) return;
      return this.running;
    }
    this.running = this.inside.run(true, () => this.drain(this.dispatch!));
    return this.running;
  }

  private async drain(dispatch: () => Promise<DispatchReport>): Promise<void> {
    try {
      do {
        this.again = false;
        // What a hung destination's lane still held is part of "delivered before it returns".
        await (await dispatch()).leftInLanes;
      } while (this.again);
    } finally {
      // In the same turn as the last check of `again`: a call after it starts afresh.
      this.running = null;
    }
  }
}
