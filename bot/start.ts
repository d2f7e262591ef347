import { ConfigError, loadConfig } from './config';
import { migrateInChild } from '../adapters/db/migrate-in-child';
import { startBot } from './main';
import { exitOnSignals } from './shutdown';

/** `npm start`: load config (exit with a readable message if it is wrong), run, stop gracefully on signals (bot/shutdown.ts). */
async function run() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const bot = await startBot(config, { migrate: migrateInChild });
  exitOnSignals(bot, config.env.SHUTDOWN_GRACE_MS);
}

run().catch((err) => {
  console.error('provbot failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
