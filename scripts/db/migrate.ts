/**
 * npm run db:migrate: applies pending migrations to DATABASE_URL (default
 * file:./data/provbot.db), like `prisma migrate deploy`. The bot does the same at
 * start-up, so this is for deployments that migrate as a separate step.
 */
import { migrate } from '../../adapters/db/migrate';
import { databaseUrlFromEnv, redact } from './database-url-from-env';

const databaseUrl = databaseUrlFromEnv();
try {
  const { applied } = await migrate(databaseUrl);
  console.log(applied.length ? `${redact(databaseUrl)}: applied ${applied.join(', ')}` : `${redact(databaseUrl)}: already up to date`);
  // Exit explicitly: on PostgreSQL the wasm engine leaves a 10 s timer behind.
  process.exit(0);
} catch (err) {
  console.error(`${redact(databaseUrl)}: migration failed:`, err instanceof Error ? err.message : err);
  process.exit(1);
}
