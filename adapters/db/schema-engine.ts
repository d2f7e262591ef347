import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { ApplyMigrationsInput, DiffParams, SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';

let loaded: Promise<typeof bindings> | undefined;

/**
 * The package entry imports its .wasm as an ES module, which Node 20 refuses
 * (PLATFORM-NOTES, "Prisma 7 offline"). So we instantiate the .wasm beside the JS
 * bindings by hand, once per process: wasm-bindgen keeps the instance in module state.
 */
function loadBindings(): Promise<typeof bindings> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const js = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(join(dirname(js), 'schema_engine_bg.wasm'));
    const { instance } = await wasmApi().instantiate(bytes, { './schema_engine_bg.js': bindings });
    const exports = instance.exports as unknown as { __wbindgen_start(): void };
    bindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return bindings;
  })();
  return loaded;
}

/** Node's WebAssembly global; the project's lib settings (no DOM) do not declare it. */
function wasmApi() {
  type Instantiate = (bytes: Uint8Array, imports: object) => Promise<{ instance: { exports: unknown } }>;
  return (globalThis as unknown as { WebAssembly: { instantiate: Instantiate } }).WebAssembly;
}

/** The engine calls provbot uses, with driver errors reported by their own message. */
export interface MigrationEngine {
  diff(params: Omit<DiffParams, 'filters' | 'exitCode'>): Promise<string>;
  applyMigrations(migrationsList: ApplyMigrationsInput['migrationsList']): Promise<string[]>;
  close(): Promise<void>;
}

/** provbot has no externally managed tables or enums. */
const NO_EXTERNAL = { externalTables: [], externalEnums: [] };

/**
 * A schema engine talking to the database through a driver adapter. The factory must
 * be wrapped by bindMigrationAwareSqlAdapterFactory: the engine relies on the error
 * registry it adds, and fails obscurely on a bare factory.
 */
export async function openMigrationEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  datamodel: { path: string; content: string },
): Promise<MigrationEngine> {
  const { SchemaEngine } = await loadBindings();
  const connections = trackConnections(factory);
  const bound = bindMigrationAwareSqlAdapterFactory(connections.factory);
  const explain = explainWith(bound.errorRegistry);
  const onLog = () => {}; // the engine's tracing output; failures reach us as rejections
  const engine: SchemaEngine = await SchemaEngine.new({ datamodels: [[datamodel.path, datamodel.content]] }, onLog, bound).catch(
    async (err: unknown) => {
      await connections.disposeAll();
      return explain(err);
    },
  );
  return {
    diff: async (params) => (await engine.diff({ ...params, exitCode: null, filters: NO_EXTERNAL }).catch(explain)).stdout ?? '',
    applyMigrations: async (migrationsList) =>
      (await engine.applyMigrations({ migrationsList, filters: NO_EXTERNAL }).catch(explain)).appliedMigrationNames,
    close: async () => {
      engine.free();
      await connections.disposeAll();
    },
  };
}

/**
 * Freeing the engine does not dispose the connection it opened: a SQLite file would
 * stay locked (the next engine then fails with SocketTimeout) and a pg pool would
 * keep the process alive. So we keep the connections and dispose them ourselves.
 * Shadow databases are not tracked: the engine disposes those (dropping the database).
 */
function trackConnections(factory: SqlMigrationAwareDriverAdapterFactory) {
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
  return { factory: tracked, disposeAll: async () => void (await Promise.all(opened.splice(0).map((a) => a.dispose()))) };
}

/**
 * A JavaScript error thrown inside the adapter (a refused connection, say) reaches us
 * only as "External error id#N"; the registry still holds the original.
 */
function explainWith(registry: { consumeError(id: number): { error: unknown } | undefined }) {
  return (err: unknown): never => {
    const id = /External error id#(\d+)/.exec(err instanceof Error ? err.message : String(err))?.[1];
    const original = id === undefined ? undefined : registry.consumeError(Number(id))?.error;
    throw original ?? err;
  };
}
