import { describe, expect, it } from 'vitest';
import { personalChat, rosterEntry, teamsUser } from '../../fakes/bot-activities';
import { say } from '../teams/conversation';
import { startTeamsBot } from '../teams/teams-bot';
import { METRICS_TOKEN, scrapeMetrics } from './scrape-metrics';

const TESS = teamsUser('tess', 'Tess Teams', 'tess@provbot.example');

describe('Teams acks in /metrics (real bot, Bot Framework activities, recording connector)', () => {
  it('times a message to the bot under its command word, and an unknown word as other', { timeout: 20_000 }, async () => {
    const bot = await startTeamsBot({ roster: [rosterEntry(TESS)], env: { METRICS_TOKEN } });
    try {
      const chat = personalChat(bot.connector.url, TESS);
      await say(bot, chat, TESS, 'help');
      await say(bot, chat, TESS, 'status ORD-404');
      await say(bot, chat, TESS, 'frobnicate everything');
      const m = await scrapeMetrics(bot.url);
      expect(m.value('provbot_ack_duration_seconds_count', { platform: 'teams', command: 'help' })).toBe(1);
      expect(m.value('provbot_ack_duration_seconds_count', { platform: 'teams', command: 'status' })).toBe(1);
      expect(m.value('provbot_ack_duration_seconds_count', { platform: 'teams', command: 'other' })).toBe(1);
      expect(m.value('provbot_ack_duration_seconds_count', { platform: 'slack' })).toBe(0);
    } finally {
      await bot.stop();
    }
  });
});
