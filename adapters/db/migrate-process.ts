/**
 * Child-process entry of migrateInChild: applies the migrations and answers with the
 * names applied, then exits, taking the schema engine's wasm (and its memory) with it.
 * Protocol over IPC: the parent sends { databaseUrl }, the child answers { applied } or { error }.
 */
import { migrate } from './migrate';

process.once('message', (msg: { databaseUrl: string }) => {
  migrate(msg.databaseUrl).then(
    ({ applied }) => process.send?.({ applied }, () => process.exit(0)),
    (err: unknown) => process.send?.({ error: err instanceof Error ? err.message : String(err) }, () => process.exit(1)),
  );
});
