import { describe, expect, it } from 'vitest';
import type { DispatchReport } from '../core/index';
import { silentLogger, systemClock } from '../core/index';
import { createDeliveryLoop } from './delivery-loop';

const counts = (dueAgainAt: Date[] = []) => ({ sent: 0, retried: dueAgainAt.length, dead: 0, held: 0, dueAgainAt });
const report = (dueAgainAt: Date[] = []): DispatchReport => ({ ...counts(dueAgainAt), leftInLanes: Promise.resolve(counts()) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the delivery loop', () => {
  it('comes back for every delivery put off, not only the earliest', async () => {
    const loop = createDeliveryLoop(silentLogger, systemClock);
    const runs: number[] = [];
    const started = Date.now();
    loop.attach(async () => {
      runs.push(Date.now() - started);
      // The first run puts off two deliveries; the runs at their times put off nothing more.
      return runs.length === 1 ? report([new Date(started + 100), new Date(started + 300)]) : report();
    });
    await loop.runNow();
    // Timers fire late on a busy machine, never early: wait for the third run, up to a generous deadline.
    for (const deadline = Date.now() + 5000; runs.length < 3 && Date.now() < deadline; ) await sleep(20);
    await sleep(100);
    await loop.stop();
    expect(runs).toHaveLength(3);
    expect(runs[1]).toBeGreaterThanOrEqual(100);
    expect(runs[2]).toBeGreaterThanOrEqual(300);
  });

  it('a request during a slow dispatch starts another at once, and none once stopped', async () => {
    const loop = createDeliveryLoop(silentLogger, systemClock);
    let runs = 0;
    let release: () => void = () => {};
    loop.attach(async () => {
      runs += 1;
      if (runs === 1) await new Promise<void>((r) => (release = r));
      return report();
    });
    const first = loop.runNow();
    // The first dispatch waits on a hung destination: the notice written now does not wait for it.
    await loop.trigger.deliveriesWritten();
    for (const deadline = Date.now() + 5000; runs < 2 && Date.now() < deadline; ) await sleep(5);
    expect(runs).toBe(2);
    release();
    await first;
    await loop.stop();
    await loop.trigger.deliveriesWritten();
    expect(runs).toBe(2);
  });

  it('past the dispatches it runs at once, a request runs once more when one ends', async () => {
    const loop = createDeliveryLoop(silentLogger, systemClock);
    let runs = 0;
    const releases: (() => void)[] = [];
    loop.attach(async () => {
      runs += 1;
      if (runs <= 4) await new Promise<void>((r) => releases.push(r));
      return report();
    });
    for (let i = 0; i < 4; i += 1) void loop.runNow();
    await loop.trigger.deliveriesWritten();
    await loop.trigger.deliveriesWritten();
    expect(runs).toBe(4);
    releases[0]!();
    for (const deadline = Date.now() + 5000; runs < 5 && Date.now() < deadline; ) await sleep(5);
    for (const r of releases) r();
    await loop.stop();
    expect(runs).toBe(5);
  });

  it('waits in runNow for what a slow lane still held, and comes back when the lane puts it off', async () => {
    const loop = createDeliveryLoop(silentLogger, systemClock);
    const runs: number[] = [];
    const started = Date.now();
    let laneDone = false;
    loop.attach(async () => {
      runs.push(Date.now() - started);
      if (runs.length > 1) return report();
      // The lane's send times out after the dispatch returned, and its retry is due 100 ms later.
      const leftInLanes = sleep(50).then(() => {
        laneDone = true;
        return counts([new Date(Date.now() + 100)]);
      });
      return { ...counts(), leftInLanes };
    });
    await loop.runNow();
    expect(laneDone).toBe(true);
    for (const deadline = Date.now() + 5000; runs.length < 2 && Date.now() < deadline; ) await sleep(20);
    await loop.stop();
    expect(runs).toHaveLength(2);
    expect(runs[1]).toBeGreaterThanOrEqual(150);
  });
});
