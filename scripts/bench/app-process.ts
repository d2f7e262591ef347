/**
 * Child-process entry for an app under bench: `bot` (the real bot, via startBot)
 * or `bare` (a Bolt app that only acks). Runs apart from the load generator and
 * the fake Slack API, so neither's work lands on the measured event loop.
 * Protocol over IPC: parent sends { kind, env }, child answers { url }; parent
 * sends { kind: 'stop' }, child stops and exits.
 */
import { loadConfig } from '../../bot/config';
import { startBot } from '../../bot/main';
import { migrateInChild } from '../../adapters/db/migrate-in-child';
import { startBareBolt } from './bare-bolt';

export type AppRequest = { kind: 'bot'; env: Record<string, string> } | { kind: 'bare'; signingSecret: string } | { kind: 'stop' };

let running: { stop(): Promise<void> } | null = null;

process.on('message', (msg: AppRequest) => {
  void handle(msg).catch((err) => {
    process.send?.({ error: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  });
});

async function handle(msg: AppRequest): Promise<void> {
  if (msg.kind === 'stop') {
    await running?.stop();
    process.exit(0);
  }
  if (msg.kind === 'bot') {
    // As `npm start` runs it (bot/start.ts): migrations in a child, so the idle RSS measured is the bot's.
    const bot = await startBot(loadConfig(msg.env), { migrate: migrateInChild });
    running = bot;
    process.send?.({ url: `${bot.url}/slack/events`, base: bot.url });
  } else {
    const bare = await startBareBolt(msg.signingSecret);
    running = bare;
    process.send?.({ url: bare.url, base: bare.url });
  }
}
