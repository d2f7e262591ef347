import { randomUUID } from 'node:crypto';
import type { RosterMember } from './recording-bot-connector';

/**
 * Activities exactly as Teams posts them to a bot's messaging endpoint, with the
 * serviceUrl pointing at a recording connector.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages
 */
export const TEST_APP_ID = '00000000-0000-0000-0000-0000000000b0';
export const TEST_TENANT_ID = 'tenant-0001';

export interface TeamsTestUser {
  /** The Bot Framework id, 29:… */
  id: string;
  aadObjectId: string;
  name: string;
  email: string;
}

export interface TeamsChat {
  serviceUrl: string;
  conversationId: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  appId?: string;
  tenantId?: string;
  /** A channel's team, which Teams names in channelData. */
  teamId?: string;
}

export const teamsUser = (key: string, name: string, email: string): TeamsTestUser => ({
  id: `29:1${key}`,
  aadObjectId: `aad-${key}`,
  name,
  email,
});

export const rosterEntry = (u: TeamsTestUser): RosterMember => ({
  id: u.id,
  name: u.name,
  email: u.email,
  userPrincipalName: u.email,
  aadObjectId: u.aadObjectId,
});

/** The personal chat of a user with the bot; the id has the colons Teams ids have, so it must be URL-encoded in paths. */
export const personalChat = (serviceUrl: string, user: TeamsTestUser): TeamsChat => ({
  serviceUrl,
  conversationId: `a:personal-${user.id}`,
  conversationType: 'personal',
});

export const channelChat = (serviceUrl: string): TeamsChat => ({
  serviceUrl,
  conversationId: '19:general@thread.tacv2;messageid=1700000000000',
  conversationType: 'channel',
  teamId: '19:team@thread.tacv2',
});

function envelope(chat: TeamsChat, from: TeamsTestUser) {
  const appId = chat.appId ?? TEST_APP_ID;
  const tenantId = chat.tenantId ?? TEST_TENANT_ID;
  const now = new Date();
  return {
    id: `${now.getTime()}${Math.floor(Math.random() * 1000)}`,
    timestamp: now.toISOString(),
    localTimestamp: now.toISOString(),
    serviceUrl: chat.serviceUrl,
    channelId: 'msteams',
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    conversation: {
      conversationType: chat.conversationType,
      tenantId,
      id: chat.conversationId,
      ...(chat.conversationType === 'personal' ? {} : { isGroup: true }),
    },
    recipient: { id: `28:${appId}`, name: 'provbot' },
    locale: 'en-US',
    channelData: {
      tenant: { id: tenantId },
      ...(chat.teamId ? { team: { id: chat.teamId }, channel: { id: chat.conversationId.split(';')[0] }, teamsTeamId: chat.teamId } : {}),
    },
  };
}

/** A message; outside a personal chat Teams only delivers it when the bot is @mentioned, and includes the mention. */
export function messageActivity(chat: TeamsChat, from: TeamsTestUser, text: string) {
  const base = envelope(chat, from);
  const mention =
    chat.conversationType === 'personal'
      ? null
      : { type: 'mention', text: '<at>provbot</at>', mentioned: { id: base.recipient.id, name: 'provbot' } };
  return {
    ...base,
    type: 'message',
    textFormat: 'plain',
    text: mention ? `${mention.text} ${text}` : text,
    entities: [
      { type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'Europe/Berlin' },
      ...(mention ? [mention] : []),
    ],
  };
}

/**
 * A click on an Action.Execute button: the `adaptiveCard/action` invoke, replying to the
 * card's message. The client merges the card's input values into `data`, as strings.
 * `trigger: 'automatic'` is a client asking for a card's refresh action on its own.
 */
export function cardActionActivity(
  chat: TeamsChat,
  from: TeamsTestUser,
  o: { verb: string; data: unknown; replyToId: string; trigger?: 'manual' | 'automatic' },
) {
  return {
    ...envelope(chat, from),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: o.replyToId,
    value: { action: { type: 'Action.Execute', id: randomUUID(), verb: o.verb, data: o.data }, trigger: o.trigger ?? 'manual' },
  };
}

/**
 * What a Teams client sends when it shows a card with `refresh` to one of its userIds:
 * the card's refresh action, automatically. Its answer is that user's view of the card.
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/user-specific-views
 */
export function refreshActivity(
  chat: TeamsChat,
  from: TeamsTestUser,
  card: { refresh: { action: { verb: string; data: unknown } } },
  replyToId: string,
) {
  return cardActionActivity(chat, from, {
    verb: card.refresh.action.verb,
    data: card.refresh.action.data,
    replyToId,
    trigger: 'automatic',
  });
}

/** The bot (and the user) joining a conversation: what Teams sends when the app is installed. */
export function membersAddedActivity(chat: TeamsChat, from: TeamsTestUser) {
  const base = envelope(chat, from);
  return { ...base, type: 'conversationUpdate', membersAdded: [{ id: base.recipient.id }, { id: from.id, aadObjectId: from.aadObjectId }] };
}
