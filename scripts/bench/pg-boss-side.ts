import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { parsePostgresUrl, quoteIdent } from '../../adapters/db/database-url';
import { inSlices } from './bench-database-access';

const QUEUE = 'bench-notices';

export interface QueueFigures {
  writeMs: number;
  processMs: number;
  processed: number;
}

/**
 * pg-boss 10, what a user would pick instead of the outbox, on the same PostgreSQL in
 * its own schema: jobs inserted in batches (`insert`, one statement a batch), then
 * processed as its batch workers do, `fetch` of a batch and `complete` of its ids, with
 * a handler that does nothing. Its maintenance and cron loops are off so that only the
 * measured work runs.
 */
export async function openPgBoss(
  serverUrl: string,
): Promise<{ run(payloads: object[], batch: number): Promise<QueueFigures>; close(): Promise<void> }> {
  const { connectionString } = parsePostgresUrl(serverUrl);
  const schema = `pgboss_bench_${randomBytes(6).toString('hex')}`;
  const boss = new PgBoss({ connectionString, schema, supervise: false, schedule: false, migrate: true });
  boss.on('error', (err) => console.error('pg-boss:', err));
  const close = async () => {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await dropSchema(connectionString, schema);
  };
  try {
    await boss.start();
    await boss.createQueue(QUEUE);
  } catch (err) {
    await close();
    throw err;
  }
  return { run: (payloads, batch) => writeAndProcess(boss, payloads, batch), close };
}

async function writeAndProcess(boss: PgBoss, payloads: object[], batch: number): Promise<QueueFigures> {
  const written = performance.now();
  await inSlices(payloads, batch, async (slice) => {
    await boss.insert(slice.map((data) => ({ name: QUEUE, data })));
  });
  const writeMs = performance.now() - written;
  const started = performance.now();
  let processed = 0;
  for (;;) {
    const jobs = await boss.fetch<object>(QUEUE, { batchSize: batch });
    if (jobs.length === 0) break;
    await noOp(jobs);
    await boss.complete(
      QUEUE,
      jobs.map((j) => j.id),
    );
    processed += jobs.length;
  }
  return { writeMs, processMs: performance.now() - started, processed };
}

const noOp = async (_jobs: unknown[]): Promise<void> => {};

async function dropSchema(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}
