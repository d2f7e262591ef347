/**
 * A real provbot process for the delivery fault tests: the same loadConfig + startBot
 * as `npm start`, with the environment given as one JSON argument (so nothing of the
 * test runner's own environment leaks in). Prints `listening <url>` once it serves,
 * then runs until killed; SIGTERM stops it as `npm start` does (bot/shutdown.ts). A
 * second JSON argument may set `clockOffsetMs`: the bot's clock runs that far ahead of the system's, so a test can
 * let another process's leases run out without waiting for them.
 *
 *   node --import tsx test/e2e/delivery/bot-process.ts '{"DATABASE_URL":"file:/tmp/x.db",...}' '{"clockOffsetMs":20000}'
 */
import { loadConfig } from '../../../bot/config';
import { startBot } from '../../../bot/main';
import { exitOnSignals } from '../../../bot/shutdown';

async function main(): Promise<void> {
  const env = JSON.parse(process.argv[2] ?? '{}') as Record<string, string>;
  const { clockOffsetMs = 0 } = JSON.parse(process.argv[3] ?? '{}') as { clockOffsetMs?: number };
  const clock = { now: () => new Date(Date.now() + clockOffsetMs) };
  const config = loadConfig(env);
  const bot = await startBot(config, { clock });
  exitOnSignals(bot, config.env.SHUTDOWN_GRACE_MS);
  process.stdout.write(`listening ${bot.url}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bot process failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
