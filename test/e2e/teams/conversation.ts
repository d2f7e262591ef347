import { expect } from 'vitest';
import type { TeamsChat, TeamsTestUser } from '../../fakes/bot-activities';
import { cardActionActivity, messageActivity } from '../../fakes/bot-activities';
import type { TeamsBot } from './teams-e2e-helpers';
import { cardOf } from './teams-e2e-helpers';

/** Sends a message as Teams does and returns the card the bot replied with (in the reply to that message). */
export async function say(bot: TeamsBot, chat: TeamsChat, user: TeamsTestUser, text: string): Promise<any> {
  const activity = messageActivity(chat, user, text);
  const res = await bot.post(activity);
  expect(res.status).toBe(200);
  // CloudAdapter answers only after the turn, so the reply is already at the connector.
  const reply = bot.connector.calls.find(
    (c) => c.method === 'POST' && c.conversationId === chat.conversationId && c.activityId === activity.id && c.body?.type !== 'typing',
  );
  if (!reply)
    throw new Error(`no reply to "${text}"; connector calls: ${bot.connector.calls.map((c) => `${c.method} ${c.path}`).join(', ')}`);
  return cardOf(reply);
}

/** Clicks an Action.Execute button; returns the HTTP status and the invoke response body. */
export async function click(bot: TeamsBot, chat: TeamsChat, user: TeamsTestUser, o: { verb: string; data: unknown; replyToId: string }) {
  return bot.post(cardActionActivity(chat, user, o));
}
