import { describe, expect, it } from 'vitest';
import type { Logger } from '../../core/index';
import { createAfterAckQueue } from './after-ack-queue';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function recordingLog(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info() {}, warn() {}, error: (_o: unknown, msg?: string) => void errors.push(String(msg)) };
}

/** A job that records its start and finishes when told to. */
function gate(name: string, started: string[]) {
  let open!: () => void;
  const done = new Promise<void>((r) => (open = r));
  const job = async () => {
    started.push(name);
    await done;
  };
  return { job, open };
}

describe('the queue of work after a Slack ack', () => {
  it('runs nothing in the tick that enqueues, then starts one job per event-loop turn, in order', async () => {
    const q = createAfterAckQueue({ log: recordingLog() });
    const started: string[] = [];
    const jobs = ['a', 'b', 'c'].map((n) => gate(n, started));
    for (const j of jobs) q.enqueue(j.job);
    expect(started).toEqual([]);
    await turn();
    expect(started).toEqual(['a']);
    await turn();
    expect(started).toEqual(['a', 'b']);
    await turn();
    expect(started).toEqual(['a', 'b', 'c']);
    for (const j of jobs) j.open();
    await q.drain();
  });

  it('keeps at most `concurrency` jobs running and starts the next when one finishes', async () => {
    const q = createAfterAckQueue({ log: recordingLog(), concurrency: 2 });
    const started: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => gate(n, started));
    for (const j of [a!, b!, c!]) q.enqueue(j.job);
    for (let i = 0; i < 5; i++) await turn();
    expect(started).toEqual(['a', 'b']);
    a!.open();
    for (let i = 0; i < 3; i++) await turn();
    expect(started).toEqual(['a', 'b', 'c']);
    b!.open();
    c!.open();
    await q.drain();
  });

  it('refuses a job when maxQueued jobs already wait, and says it is full until one starts', async () => {
    const q = createAfterAckQueue({ log: recordingLog(), concurrency: 1, maxQueued: 1 });
    const started: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => gate(n, started));
    expect(q.enqueue(a!.job)).toBe(true);
    expect(q.full).toBe(true);
    expect(q.enqueue(b!.job)).toBe(false);
    await turn();
    expect(started).toEqual(['a']);
    expect(q.full).toBe(false);
    expect(q.enqueue(c!.job)).toBe(true);
    a!.open();
    c!.open();
    await q.drain();
    expect(started).toEqual(['a', 'c']);
  });

  it('keeps its concurrency cap however long the backlog', async () => {
    const q = createAfterAckQueue({ log: recordingLog(), concurrency: 4, maxQueued: 3_000 });
    const started: string[] = [];
    const jobs = Array.from({ length: 2_500 }, (_, i) => gate(`j${i}`, started));
    for (const j of jobs) expect(q.enqueue(j.job)).toBe(true);
    for (let i = 0; i < 20; i++) await turn();
    expect(started).toHaveLength(4);
    for (const j of jobs) j.open();
    await q.drain();
    expect(started).toHaveLength(2_500);
  });

  it('logs a failed job and goes on with the next', async () => {
    const log = recordingLog();
    const q = createAfterAckQueue({ log });
    const done: string[] = [];
    q.enqueue(async () => {
      throw new Error('boom');
    });
    q.enqueue(async () => void done.push('next'));
    await q.drain();
    expect(done).toEqual(['next']);
    expect(log.errors).toEqual(['work after a Slack ack failed']);
  });

  it('drains at once when idle, and otherwise only after the last job', async () => {
    const q = createAfterAckQueue({ log: recordingLog() });
    await q.drain();
    const started: string[] = [];
    const a = gate('a', started);
    q.enqueue(a.job);
    let drained = false;
    const draining = q.drain().then(() => (drained = true));
    for (let i = 0; i < 3; i++) await turn();
    expect(drained).toBe(false);
    a.open();
    await draining;
    expect(drained).toBe(true);
  });
});
