import type { CoreDeps } from '../core-deps';
import type { WaitingClaims } from './waiting-claims';

/**
 * For a process that stops (a rolling restart): claims nothing more, and hands back
 * at once every delivery it claimed and has not started, due now, so another process
 * sends them without waiting for the lease; sends already under way are left to finish.
 * Returns how many were handed back.
 */
export async function stopDispatching(deps: CoreDeps, waiting: WaitingClaims): Promise<number> {
  const handBack = waiting.close();
  if (handBack.length === 0) return 0;
  const released = await deps.outbox.release(handBack);
  deps.log.info({ released }, 'stopping: deliveries not yet sent were handed back for another process');
  return released;
}
