import { ConfigError, loadConfig } from './config';
import { startBot } from './main';

/** `npm start`: load config (exit with a readable message if it is wrong), run, stop cleanly on signals. */
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
  const bot = await startBot(config);
  const shutdown = async (signal: string) => {
    console.error(`${signal}: stopping provbot`);
    await bot.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

run().catch((err) => {
  console.error('provbot failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
