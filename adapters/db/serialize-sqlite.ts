import type { Provider } from './database-url';
import { sqliteFile } from './database-url';

/** Runs one unit of database work; on SQLite, one at a time per file in this process. */
export type Serializer = <T>(work: () => Promise<T>) => Promise<T>;

/** The tail of each SQLite file's queue, shared by every client this process opens on it. */
const queues = new Map<string, Promise<unknown>>();

const direct: Serializer = (work) => work();

/**
 * Why SQLite work is queued: better-sqlite3 is synchronous and Prisma's client has one
 * connection.
 * - A statement issued on the client while one of its interactive transactions is
 *   open runs INSIDE that transaction (the adapter locks only transaction starts), and
 *   a rollback takes it too: tried here, an unrelated insert vanished with the rollback.
 * - A second client in the same process (tests; a script) waiting for the write lock
 *   waits synchronously, in SQLite's busy handler, blocking the event loop that the
 *   lock holder needs to finish: tried here, 5 concurrent transactions stalled 40 s and
 *   4 failed with SQLITE_BUSY; 20 concurrent commits took minutes.
 * Queuing the repositories' calls per file removes both. Across processes SQLite's own
 * locking still serializes writers (a transaction that writes first waits its turn).
 * PostgreSQL has a pool and row locks: no queue.
 */
export function serializerFor(databaseUrl: string, provider: Provider): Serializer {
  if (provider !== 'sqlite') return direct;
  const key = sqliteFile(databaseUrl);
  return <T>(work: () => Promise<T>): Promise<T> => {
    const previous = queues.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    queues.set(key, tail);
    // Forget an idle queue, so closed databases (test files) do not pile up.
    void tail.then(() => {
      if (queues.get(key) === tail) queues.delete(key);
    });
    return run;
  };
}

/**
 * The repository with each method run through the serializer. Methods must not call
 * each other through the wrapped object: the queue is not re-entrant.
 */
export function serialized<R extends object>(repository: R, serialize: Serializer): R {
  if (serialize === direct) return repository;
  const wrapped = {} as Record<string, unknown>;
  for (const [name, member] of Object.entries(repository)) {
    wrapped[name] =
      typeof member === 'function'
        ? (...args: unknown[]) => serialize(() => (member as (...a: unknown[]) => Promise<unknown>)(...args))
        : member;
  }
  return wrapped as R;
}
