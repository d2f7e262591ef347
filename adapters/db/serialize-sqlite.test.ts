import { describe, expect, it } from 'vitest';
import { serialized, serializerFor } from './serialize-sqlite';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Work that records when it starts and ends, awaiting a timer in between as a transaction may. */
function recorder() {
  const log: string[] = [];
  const work =
    (name: string, ms: number, fail = false) =>
    async () => {
      log.push(`start ${name}`);
      await tick(ms);
      log.push(`end ${name}`);
      if (fail) throw new Error(`${name} failed`);
      return name;
    };
  return { log, work };
}

describe('serializerFor', () => {
  it('runs SQLite work on one file one at a time, in call order, across clients', async () => {
    const { log, work } = recorder();
    const clientA = serializerFor('file:/tmp/provbot-queue-test.db', 'sqlite');
    const clientB = serializerFor('file:/tmp/provbot-queue-test.db', 'sqlite');
    const results = await Promise.all([clientA(work('a', 20)), clientB(work('b', 1)), clientA(work('c', 5))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('goes on with the queue after a failure, which reaches only its caller', async () => {
    const { log, work } = recorder();
    const queue = serializerFor('file:/tmp/provbot-queue-fail.db', 'sqlite');
    const failed = queue(work('a', 5, true));
    const next = queue(work('b', 1));
    await expect(failed).rejects.toThrow('a failed');
    expect(await next).toBe('b');
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('does not queue PostgreSQL work, nor work on another SQLite file', async () => {
    const { log, work } = recorder();
    const pg = serializerFor('postgres://u:p@127.0.0.1:5432/db', 'postgresql');
    await Promise.all([pg(work('a', 20)), pg(work('b', 1))]);
    expect(log.slice(0, 2)).toEqual(['start a', 'start b']);

    const other = recorder();
    await Promise.all([
      serializerFor('file:/tmp/provbot-queue-1.db', 'sqlite')(other.work('x', 20)),
      serializerFor('file:/tmp/provbot-queue-2.db', 'sqlite')(other.work('y', 1)),
    ]);
    expect(other.log.slice(0, 2)).toEqual(['start x', 'start y']);
  });
});

describe('serialized', () => {
  it('queues every method of a repository and keeps its results', async () => {
    const { log, work } = recorder();
    const repo = serialized({ slow: work('slow', 20), fast: work('fast', 1) }, serializerFor('file:/tmp/provbot-queue-repo.db', 'sqlite'));
    expect(await Promise.all([repo.slow(), repo.fast()])).toEqual(['slow', 'fast']);
    expect(log).toEqual(['start slow', 'end slow', 'start fast', 'end fast']);
  });
});
