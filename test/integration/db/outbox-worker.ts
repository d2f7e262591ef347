/**
 * A stand-in bot process for outbox-two-processes.int.test.ts: opens the database,
 * says "ready", waits for "go" on stdin (so both processes start together), then
 * takes what is due until nothing is left and prints what it took, as one JSON line.
 *
 *   node --import tsx test/integration/db/outbox-worker.ts <deliveries|escalations|digests> <database url> <pause ms>
 */
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../../../adapters/db/create-database';
import { createDatabase } from '../../../adapters/db/create-database';
import type { NewDelivery, OutboxWrites } from '../../../core/index';

export type WorkerMode = 'deliveries' | 'escalations' | 'digests';
/** What one process took: delivery keys sent, activities escalated, digest batches settled; `refused`: results refused after a claim (must stay empty). */
export interface WorkerReport {
  took: string[];
  refused: string[];
}

/** Nothing due this many times in a row, a pause apart: the others hold or have sent the rest. */
const EMPTY_ROUNDS_TO_STOP = 3;

/** The notice a fire or settle writes; keyed by process, so a unit taken twice would show as two rows, not as a key clash. */
const notice = (key: string): OutboxWrites => {
  const delivery: NewDelivery = {
    key,
    target: { channel: 'email', address: 'noc@acme.example', asUser: false, domain: null },
    content: { kind: 'activity', activityId: key, escalatedAfterMinutes: 60 },
    dueAt: new Date(),
  };
  return { deliveries: [delivery], digestItems: [], escalations: [] };
};

/** One round; returns whether anything was due. */
const ROUNDS: Record<WorkerMode, (db: Database, report: WorkerReport) => Promise<boolean>> = {
  async deliveries(db, report) {
    const claimed = await db.outbox.claimDue({ now: new Date(), limit: 25, leaseMs: 30_000 });
    for (const d of claimed) ((await db.outbox.markSent(d, { at: new Date() })) ? report.took : report.refused).push(d.key);
    return claimed.length > 0;
  },
  async escalations(db, report) {
    const due = await db.outbox.dueEscalations(new Date(), 25);
    for (const e of due)
      if (await db.outbox.fireEscalation(e.id, notice(`escalated:${e.activityId}:${process.pid}`))) report.took.push(e.activityId);
    return due.length > 0;
  },
  async digests(db, report) {
    const due = await db.outbox.dueDigestBatches(new Date(), 10);
    for (const batch of due) {
      const items = await db.outbox.listDigestBatch(batch.batchKey, batch.dueAt);
      // Empty: another process settled it between the two reads.
      if (items.length === 0) continue;
      if (
        await db.outbox.settleDigestBatch(
          items.map((i) => i.id),
          notice(`digest:${batch.batchKey}:${process.pid}`),
        )
      )
        report.took.push(batch.batchKey);
    }
    return due.length > 0;
  },
};

async function main(): Promise<void> {
  const [mode, url, pause] = process.argv.slice(2);
  if (!mode || !(mode in ROUNDS) || !url)
    throw new Error('usage: outbox-worker.ts <deliveries|escalations|digests> <database url> [pause ms]');
  const pauseMs = Number(pause ?? 0);
  const db = await createDatabase(url);
  try {
    process.stdout.write('ready\n');
    await once(process.stdin, 'data');
    const report: WorkerReport = { took: [], refused: [] };
    for (let empty = 0; empty < EMPTY_ROUNDS_TO_STOP; ) {
      empty = (await ROUNDS[mode as WorkerMode](db, report)) ? 0 : empty + 1;
      await sleep(empty ? 20 : pauseMs);
    }
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
