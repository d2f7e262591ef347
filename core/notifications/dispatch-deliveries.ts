import type { CoreDeps } from '../core-deps';
import type { ClaimedDelivery } from './delivery';
import { targetKey } from './delivery';
import type { DeliveryPolicy } from './delivery-policy';
import type { DestinationLanes, LaneTask } from './destination-lanes';
import type { DispatchCounts } from './dispatch-run';
import { DispatchRun } from './dispatch-run';
import type { ActivityReads } from './render-delivery';
import type { WaitingClaims } from './waiting-claims';
import { quietMonitor } from '../ports/operations-monitor.port';

export type { DispatchCounts } from './dispatch-run';

export interface DispatchReport extends DispatchCounts {
  /**
   * The deliveries this run left to a lane whose send had run past the stall bound (a
   * destination that hangs): their counts once each has been sent or put off and
   * recorded, at most a call timeout per delivery queued in that lane. Never rejects.
   */
  leftInLanes: Promise<DispatchCounts>;
}

/** Rounds per call: a backlog is drained over several calls rather than holding one forever. */
const MAX_ROUNDS = 20;

/**
 * How long a round waits on a lane whose send has not answered: a healthy send answers
 * in milliseconds, a hung one only at the call timeout. A quarter of the call timeout,
 * at most a second: a round leaving too early costs only a delivery recorded on its own.
 */
export const stallMs = (policy: DeliveryPolicy): number => Math.min(1_000, policy.callTimeoutMs / 4);

/**
 * Sends what is due: claims a batch and hands each delivery to its destination's lane
 * (destination-lanes.ts), so destinations progress independently. A round waits for its
 * deliveries except those in a lane whose send has run past the stall bound: the lane
 * sends and records them itself, and the run claims the next batch meanwhile, so one
 * hung destination delays only its own notices. Each send has a time limit
 * (callTimeoutMs), and a delivery whose claim would run out before its send could
 * finish is handed back unsent, so no other process takes over a delivery this one
 * still means to send. A failure is retried with capped, jittered backoff until the
 * retry horizon has passed since its first failure; a rate limit (Slack 429 Retry-After,
 * Teams 429) holds the destination until it lifts; a permanent refusal, or the horizon,
 * dead-letters it and the administrators are told by another channel.
 */
export async function dispatchDeliveries(deps: CoreDeps, lanes: DestinationLanes, waiting: WaitingClaims): Promise<DispatchReport> {
  const run = new DispatchRun(deps, lanes.pacer);
  const left: LaneTask[] = [];
  // The previous round's successes are marked sent while the next batch is claimed: two
  // statements on two connections instead of one after the other (on the Hardening bench
  // the two took about as long each). They are distinct rows: a claimed row stays
  // leased until it is marked, so the next claim cannot take it.
  let recorded: Promise<void> = Promise.resolve();
  try {
    for (let round = 0; round < MAX_ROUNDS && !waiting.closed; round += 1) {
      const policy = deps.settings.delivery;
      await lanes.roomFor(policy.batchSize);
      const claimedAt = deps.clock.now();
      const claimed = await deps.outbox.claimDue({ now: claimedAt, limit: policy.batchSize, leaseMs: policy.leaseMs });
      // Nothing of this batch is sent before the last one is recorded: a failure to record
      // stops the run here, and this batch's leases run out (its rows claimed, not sent).
      await recorded;
      if (claimed.length === 0) break;
      // Stopped while this claim was on its way: all of it goes back (stop-dispatching.ts).
      if (waiting.closed) {
        await deps.outbox.release(claimed);
        break;
      }
      waiting.add(claimed);
      const done = await runRound(deps, lanes, run, waiting, claimed, claimedAt.getTime() + policy.leaseMs);
      left.push(...done.open);
      recorded = done.recorded;
      if (claimed.length < policy.batchSize) break;
    }
    await recorded;
  } catch (err) {
    void settleLeft(deps, run, left);
    throw err;
  }
  return { ...run.detach(), leftInLanes: settleLeft(deps, run, left) };
}

/** One claimed batch: the deliveries left to stalled lanes, and the recording of its successes, under way. */
async function runRound(
  deps: CoreDeps,
  lanes: DestinationLanes,
  run: DispatchRun,
  waiting: WaitingClaims,
  claimed: ClaimedDelivery[],
  leaseEnd: number,
): Promise<{ open: LaneTask[]; recorded: Promise<void> }> {
  const reads: ActivityReads = new Map();
  const round = { waiting: true };
  const errors: unknown[] = [];
  // In claim order (oldest due first): each lane keeps it. One handed back meanwhile (a stopping process) is skipped.
  const monitor = deps.monitor ?? quietMonitor;
  const deliver = (d: ClaimedDelivery) =>
    waiting.start(d) ? monitor.withinDelivery(d.id, () => run.deliver(d, reads, leaseEnd, round)) : Promise.resolve();
  const tasks = claimed.map((d) => lanes.enqueue(targetKey(d.target), () => deliver(d)));
  for (const t of tasks) t.done.catch((err: unknown) => errors.push(err));
  const open = await lanes.untilSettledOrStalled(tasks, stallMs(deps.settings.delivery));
  // From here on, a delivery still in its lane records itself when it is done.
  round.waiting = false;
  const recorded = run.recordSent();
  // Awaited by the caller a claim later; a failure meanwhile is not an unhandled rejection.
  recorded.catch(() => {});
  if (errors.length) {
    await recorded;
    throw errors[0];
  }
  return { open, recorded };
}

/** The left deliveries' counts once all are done; a failure to record one is logged (its lease frees it for a retry). */
async function settleLeft(deps: CoreDeps, run: DispatchRun, left: LaneTask[]): Promise<DispatchCounts> {
  const results = await Promise.allSettled(left.map((t) => t.done));
  for (const r of results) if (r.status === 'rejected') deps.log.error({ err: r.reason }, 'delivery left in its lane failed');
  return run.detach();
}
