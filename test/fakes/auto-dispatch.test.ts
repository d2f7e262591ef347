import { describe, expect, it } from 'vitest';
import { AutoDispatch } from './auto-dispatch';

/** A dispatch that takes a few turns, counting its runs; `during` runs inside each. */
function countingDispatch(trigger: AutoDispatch, during: (run: number) => Promise<void> = async () => {}) {
  const runs: number[] = [];
  trigger.dispatchWith(async () => {
    const run = runs.length + 1;
    runs.push(run);
    await new Promise((r) => setTimeout(r, 5));
    await during(run);
    const nothing = { sent: 0, retried: 0, dead: 0, held: 0, dueAgainAt: [] };
    return { ...nothing, leftInLanes: Promise.resolve(nothing) };
  });
  return runs;
}

describe("AutoDispatch (the harness's delivery trigger)", () => {
  it('delivers before it returns', async () => {
    const trigger = new AutoDispatch();
    const runs = countingDispatch(trigger);
    await trigger.deliveriesWritten();
    expect(runs).toEqual([1]);
  });

  it('calls while a dispatch runs wait for one more run after it, not one each', async () => {
    const trigger = new AutoDispatch();
    const runs = countingDispatch(trigger);
    const first = trigger.deliveriesWritten();
    await Promise.all([trigger.deliveriesWritten(), trigger.deliveriesWritten(), first]);
    expect(runs).toEqual([1, 2]);
    await trigger.deliveriesWritten();
    expect(runs).toEqual([1, 2, 3]);
  });

  it('a call from inside the dispatch does not wait for itself: it asks for one more run', async () => {
    const trigger = new AutoDispatch();
    const runs = countingDispatch(trigger, async (run) => {
      if (run === 1) await trigger.deliveriesWritten();
    });
    await trigger.deliveriesWritten();
    expect(runs).toEqual([1, 2]);
  });

  it('off, it only counts', async () => {
    const trigger = new AutoDispatch();
    trigger.enabled = false;
    const runs = countingDispatch(trigger);
    await trigger.deliveriesWritten();
    expect([runs, trigger.signals]).toEqual([[], 1]);
  });
});
