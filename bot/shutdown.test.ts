import { describe, expect, it } from 'vitest';
import { FixedClock } from '../test/fakes/fixed-clock';
import { createShutdown } from './shutdown';

/** Timers on a driven clock: advance() moves the clock and fires what came due. */
class DrivenTimers {
  private timers: { at: number; fn: () => void }[] = [];
  constructor(readonly clock: FixedClock) {}
  set = (fn: () => void, ms: number) => {
    const timer = { at: this.clock.now().getTime() + ms, fn };
    this.timers.push(timer);
    return timer;
  };
  clear = (handle: unknown) => {
    this.timers = this.timers.filter((t) => t !== handle);
  };
  advance(ms: number) {
    this.clock.advanceMs(ms);
    const due = this.timers.filter((t) => t.at <= this.clock.now().getTime());
    this.timers = this.timers.filter((t) => !due.includes(t));
    for (const t of due) t.fn();
  }
}

/** A process whose graceful stop ends when the test says so. */
function aProcess(graceMs = 10_000) {
  const timers = new DrivenTimers(new FixedClock(new Date(0)));
  const exits: number[] = [];
  const said: string[] = [];
  let finishStop: (err?: Error) => void = () => {};
  let stops = 0;
  const onSignal = createShutdown({
    stop: () => {
      stops += 1;
      return new Promise<void>((resolve, reject) => (finishStop = (err) => (err ? reject(err) : resolve())));
    },
    graceMs,
    exit: (code) => exits.push(code),
    say: (line) => said.push(line),
    setTimer: timers.set,
    clearTimer: timers.clear,
  });
  const settle = () => new Promise((r) => setImmediate(r));
  return { onSignal, timers, exits, said, finishStop: (err?: Error) => finishStop(err), stops: () => stops, settle };
}

describe('shutdown on SIGTERM', () => {
  it('stops gracefully and exits 0 when the stop ends within the grace period; the timer then does nothing', async () => {
    const p = aProcess(10_000);
    p.onSignal('SIGTERM');
    p.timers.advance(9_999);
    expect(p.exits).toEqual([]);
    p.finishStop();
    await p.settle();
    expect(p.exits).toEqual([0]);
    p.timers.advance(60_000);
    expect(p.exits).toEqual([0]);
    expect(p.said[0]).toBe('SIGTERM: stopping provbot (at most 10000 ms; send the signal again to exit at once)');
  });

  it('exits 1 at once when the grace period ends before the stop does', async () => {
    const p = aProcess(10_000);
    p.onSignal('SIGTERM');
    p.timers.advance(9_999);
    expect(p.exits).toEqual([]);
    p.timers.advance(1);
    expect(p.exits).toEqual([1]);
    expect(p.said.at(-1)).toMatch(/did not stop within 10000 ms \(SHUTDOWN_GRACE_MS\): exiting now/);
    // The stop finishing later does not exit a second time.
    p.finishStop();
    await p.settle();
    expect(p.exits).toEqual([1]);
  });

  it('a second signal exits 1 at once, without starting another stop', async () => {
    const p = aProcess();
    p.onSignal('SIGTERM');
    p.onSignal('SIGINT');
    expect(p.exits).toEqual([1]);
    expect(p.stops()).toBe(1);
    expect(p.said.at(-1)).toMatch(/^SIGINT again: exiting now/);
  });

  it('a stop that fails exits 1 and says why', async () => {
    const p = aProcess();
    p.onSignal('SIGTERM');
    p.finishStop(new Error('database gone'));
    await p.settle();
    expect(p.exits).toEqual([1]);
    expect(p.said.at(-1)).toBe('provbot failed to stop cleanly: database gone');
  });
});
