import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startTestBot } from '../../fakes/test-bot';
import { startTcpProxy } from '../../fakes/tcp-proxy';
import { PG_URL, postgresTarget } from '../../integration/db/test-databases';

const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('GET /readyz (real bot)', () => {
  it('answers 503 with the reason while a migration is missing from the SQLite file, and 200 once it is there', async () => {
    const bot = await startTestBot();
    try {
      expect(await get(`${bot.url}/readyz`)).toEqual({ status: 200, body: { status: 'ready' } });
      // As if newer code (one more migration) started on this file before db:migrate ran.
      const file = new Sqlite(bot.databaseUrl.replace(/^file:/, ''));
      const last = file.prepare('SELECT * FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1').get() as Record<string, unknown>;
      file.prepare('DELETE FROM _prisma_migrations WHERE id = ?').run(last.id);

      const pending = await get(`${bot.url}/readyz`);
      expect(pending.status).toBe(503);
      expect(pending.body.reason).toBe('1 database migration(s) not applied yet: run npm run db:migrate');
      // Liveness is not readiness: the process is healthy, it should just take no traffic.
      expect((await get(`${bot.url}/healthz`)).status).toBe(200);

      const columns = Object.keys(last);
      file
        .prepare(`INSERT INTO _prisma_migrations (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
        .run(...columns.map((c) => last[c]));
      file.close();
      expect((await get(`${bot.url}/readyz`)).status).toBe(200);
    } finally {
      await bot.stop();
    }
  });

  it.skipIf(!PG_URL)('answers 503 while PostgreSQL is unreachable and 200 once it is back', { timeout: 30_000 }, async () => {
    const direct = new URL(PG_URL!);
    const proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const bot = await startTestBot(
      {},
      {
        database: {
          async fresh() {
            const db = await postgresTarget.fresh();
            const url = new URL(db.url);
            url.hostname = '127.0.0.1';
            url.port = String(proxy.port);
            return { url: url.toString(), drop: db.drop };
          },
        },
      },
    );
    try {
      expect((await get(`${bot.url}/readyz`)).status).toBe(200);
      await proxy.cut();
      expect(await get(`${bot.url}/readyz`)).toEqual({ status: 503, body: { status: 'not ready', reason: 'the database is unreachable' } });
      await proxy.restore();
      await expect.poll(async () => (await get(`${bot.url}/readyz`)).status, { timeout: 5000 }).toBe(200);
    } finally {
      await proxy.restore();
      await bot.stop();
      await proxy.stop();
    }
  });
});
