import { fork } from 'node:child_process';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * migrate(), in a short-lived child process. The schema engine is wasm that
 * wasm-bindgen keeps in module state for the life of the process (schema-engine.ts),
 * about 40 MB that a running bot never needs again: a child gives all of it back when
 * it exits. The child is this module's sibling with the same extension and the
 * parent's node flags, so it runs the same way as the bot: through tsx for .ts, plain
 * node for compiled JavaScript.
 */
export function migrateInChild(databaseUrl: string): Promise<{ applied: string[] }> {
  const extension = extname(fileURLToPath(import.meta.url));
  const entry = fileURLToPath(new URL(`./migrate-process${extension}`, import.meta.url));
  // TypeScript needs tsx in the child; a parent that runs TypeScript some other way (vitest) lacks the flag.
  const needsTsx = extension === '.ts' && !process.execArgv.some((a) => a.includes('tsx'));
  const execArgv = needsTsx ? [...process.execArgv, '--import', 'tsx'] : process.execArgv;
  const child = fork(entry, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let answered = false;
    child.once('error', reject);
    child.once('message', (msg: { applied?: string[]; error?: string }) => {
      answered = true;
      if (msg.applied) resolve({ applied: msg.applied });
      else reject(new Error(msg.error ?? 'the migration process gave no answer'));
    });
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`the migration process exited with ${code} before it answered`));
    });
    child.send({ databaseUrl });
  });
}
