import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { NewDelivery, NewDigestItem, NewEscalation } from '../../../core/index';
import { aDelivery, aDigestItem, anEscalation, minutes } from './outbox-fixtures';
import type { WorkerMode, WorkerReport } from './outbox-worker';
import { useRawTables } from './raw-rows';
import { describeOn, postgresTarget, sqliteTarget, useFreshDatabase } from './test-databases';

const WORKER = fileURLToPath(new URL('./outbox-worker.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Milliseconds each process rests between rounds, so the two interleave rather than one draining everything. */
const PAUSE_MS = 2;

/**
 * Two bot processes on one PostgreSQL: real OS processes with their own pools, racing
 * for the same due rows. Each unit must be taken by exactly one of them.
 */
describeOn(postgresTarget, 'Outbox shared by two bot processes', () => {
  const fresh = useFreshDatabase(postgresTarget);
  const raw = useRawTables(() => fresh.url);
  // Due long before any real clock the workers read.
  const past = new Date('2020-01-01T00:00:00.000Z');

  beforeEach(() => raw.clearOutbox());

  it('sends each of 1,000 deliveries from exactly one process, both taking part', { timeout: 120_000 }, async () => {
    const written: NewDelivery[] = Array.from({ length: 1000 }, (_, i) => aDelivery({ key: `two:${i}`, dueAt: minutes(i, past) }));
    expect(await fresh.db.outbox.write({ deliveries: written, digestItems: [], escalations: [] })).toBe(1000);

    const [a, b] = await runTwoWorkers('deliveries', fresh.url);

    expect([...a.refused, ...b.refused]).toEqual([]);
    expectSplit(
      a.took,
      b.took,
      written.map((d) => d.key),
    );
    expect(await raw.rows(`SELECT DISTINCT "state", "attempts" FROM "deliveries"`)).toEqual([{ state: 'sent', attempts: 1 }]);
  });

  it('fires each of 1,000 escalations from exactly one process, writing its notice once', { timeout: 120_000 }, async () => {
    const written: NewEscalation[] = Array.from({ length: 1000 }, (_, i) =>
      anEscalation({ activityId: `act-two-${i}`, dueAt: minutes(i, past) }),
    );
    await fresh.db.outbox.write({ deliveries: [], digestItems: [], escalations: written });

    const [a, b] = await runTwoWorkers('escalations', fresh.url);

    expectSplit(
      a.took,
      b.took,
      written.map((e) => e.activityId),
    );
    expect(await raw.count('escalations')).toBe(0);
    expect(await raw.count('deliveries')).toBe(1000);
  });

  it('settles each of 200 digest batches from exactly one process, writing its digest once', { timeout: 120_000 }, async () => {
    const batches = Array.from({ length: 200 }, (_, i) => `two-batch-${i}`);
    const items: NewDigestItem[] = batches.flatMap((key, i) =>
      Array.from({ length: 5 }, (_, j) => aDigestItem(key, minutes(i * 10 + j, past), 30)),
    );
    await fresh.db.outbox.write({ deliveries: [], digestItems: items, escalations: [] });

    const [a, b] = await runTwoWorkers('digests', fresh.url);

    expectSplit(a.took, b.took, batches);
    expect(await raw.count('digest_items')).toBe(0);
    expect(await raw.count('deliveries')).toBe(200);
  });
});

/** PostgreSQL only: say so on SQLite rather than leave the file silently shorter there. */
const SQLITE_REASON =
  'SQLite takes one writer at a time across processes (a file lock), so there is no row-level race to prove; outbox-concurrency.int.test.ts covers SQLite';
describe.skip(`Outbox shared by two bot processes on ${sqliteTarget.name} (skipped: ${SQLITE_REASON})`, () => {
  it('runs on PostgreSQL only', () => undefined);
});

/** Every unit taken exactly once overall, and each process took some. */
function expectSplit(a: string[], b: string[], all: string[]): void {
  const inA = new Set(a);
  expect(b.filter((x) => inA.has(x))).toEqual([]);
  expect([...a, ...b].sort()).toEqual([...all].sort());
  expect(a.length).toBeGreaterThan(0);
  expect(b.length).toBeGreaterThan(0);
}

/** Starts two workers, lets them go at the same moment once both are connected, and collects their reports. */
async function runTwoWorkers(mode: WorkerMode, url: string): Promise<[WorkerReport, WorkerReport]> {
  const workers = [startWorker(mode, url), startWorker(mode, url)];
  try {
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.go();
    const [a, b] = await Promise.all(workers.map((w) => w.done));
    return [a!, b!];
  } finally {
    for (const w of workers) w.kill();
  }
}

function startWorker(mode: WorkerMode, url: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, mode, url, String(PAUSE_MS)], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.startsWith('ready\n')) resolve();
    });
    child.on('exit', () => reject(new Error(`worker exited before it was ready:\n${err}`)));
  });
  const done = new Promise<WorkerReport>((resolve, reject) => {
    child.on('exit', (code) => {
      const report = out.split('\n').find((line) => line.startsWith('{'));
      if (code === 0 && report) resolve(JSON.parse(report) as WorkerReport);
      else reject(new Error(`worker (${mode}) exited with ${code}:\n${err}`));
    });
  });
  // The report is awaited after `ready`; keep an early failure from being unhandled meanwhile.
  done.catch(() => undefined);
  return { ready, done, go: () => child.stdin.end('go\n'), kill: () => child.exitCode === null && child.kill() };
}
