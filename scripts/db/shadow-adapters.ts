/**
 * Driver adapter factories for the schema engine's shadow database, with workarounds
 * for two gaps between the wasm schema engine and the 7.10 driver adapters. Both only
 * bite when diffing from a migrations folder, which only `db:migration:create` and
 * `db:check` do; the bot's `migrate()` uses the adapters as they are.
 */
import { randomUUID } from 'node:crypto';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { parsePostgresUrl } from '../../adapters/db/database-url';

/**
 * SQLite: the engine replays each migration in the shadow database with executeRaw,
 * and better-sqlite3's prepare() refuses a string of several statements ("The supplied
 * SQL string contains more than one statement"). A parameterless raw execute is run
 * as a script instead, which is what the engine means by it.
 */
export function sqliteShadowFactory(): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url: ':memory:' });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: () => inner.connect(),
    connectToShadowDb: async () => scriptTolerant(await inner.connectToShadowDb()),
  };
}

function scriptTolerant(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query: SqlQuery) => {
    if (query.args.length > 0 || !hasSeveralStatements(query.sql)) return executeRaw(query);
    await adapter.executeScript(query.sql);
    return 0;
  };
  return adapter;
}

const hasSeveralStatements = (sql: string) => sql.split(';').filter((s) => s.replace(/--.*$/gm, '').trim() !== '').length > 1;

/**
 * PostgreSQL: a temporary shadow database on the server (the role needs CREATEDB),
 * dropped afterwards. adapter-pg's own connectToShadowDb cannot be used: pg lets the
 * connectionString override the temporary database name (the migrations would be
 * replayed into the server's own database), and it drops the database before closing
 * its pool ("is being accessed by other users").
 */
export function postgresShadowFactory(serverUrl: string): SqlMigrationAwareDriverAdapterFactory {
  const { connectionString } = parsePostgresUrl(serverUrl);
  const inner = new PrismaPg({ connectionString, Client: CharAsTextClient });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: () => inner.connect(),
    connectToShadowDb: async () => {
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      const name = `provbot_shadow_${randomUUID().replace(/-/g, '')}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(connectionString);
      url.pathname = `/${name}`;
      const adapter = await new PrismaPg({ connectionString: url.toString(), Client: CharAsTextClient }).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        await admin.end();
      };
      return adapter;
    },
  };
}

/**
 * Describing the shadow schema reads pg_catalog columns of type "char" (OID 18), which
 * adapter-pg cannot type ("Column type 'char' could not be deserialized"). Their
 * values are one-letter strings, so we report them as text.
 */
const PG_CHAR = 18;
const PG_TEXT = 25;

class CharAsTextClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    (this as { query: unknown }).query = (...args: unknown[]) => {
      // pg.Pool calls with a callback; direct callers get a promise.
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        args[args.length - 1] = (err: unknown, result: unknown) => callback(err, err ? result : charAsText(result));
        return query(...args);
      }
      const out = query(...args);
      return out instanceof Promise ? out.then(charAsText) : out;
    };
  }
}

function charAsText<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of (r as pg.QueryResult | undefined)?.fields ?? []) if (field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
  }
  return result;
}
