import type { Activity } from 'botbuilder';
import type { CommandPlace } from '../../chat/run-command';
import { referenceOf } from '../conversation-reference';
import type { StoredReference } from '../conversation-reference';

interface TeamsChannelData {
  team?: { name?: unknown };
  channel?: { name?: unknown };
}

/**
 * Where a message to the bot was typed. A channel or group chat can be registered for
 * notices (`notify channel here`); a personal chat cannot, and only there is what is
 * typed seen by the bot alone.
 */
export function placeOf(activity: Activity): CommandPlace {
  const reference = referenceOf(activity);
  const type = reference.conversation.conversationType;
  if (type !== 'channel' && type !== 'groupChat') return { here: null, private: type === 'personal' };
  return {
    here: { platform: 'teams', address: JSON.stringify(destinationReference(reference, activity)), label: labelOf(activity, type) },
    private: false,
  };
}

/**
 * The conversation as a destination, the same whoever typed the command (so that two
 * people registering one channel make one destination): the bot stands in for the
 * user and the locale is left out. In a channel, a message is in a thread
 * ("19:...@thread.tacv2;messageid=..."); notices go to the channel as new posts, so
 * the thread part is dropped.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
 */
function destinationReference(reference: StoredReference, activity: Activity): StoredReference {
  const { channelId, serviceUrl, conversation, bot } = reference;
  const id = conversation.conversationType === 'channel' ? conversation.id.split(';')[0]! : conversation.id;
  return {
    channelId,
    serviceUrl,
    conversation: { ...conversation, id },
    bot,
    user: { id: activity.recipient.id, name: activity.recipient.name },
  };
}

/** "Team / Channel" when Teams names them (it often does not in a message), else the chat's name, else what it is. */
function labelOf(activity: Activity, type: 'channel' | 'groupChat'): string {
  const data = (activity.channelData ?? {}) as TeamsChannelData;
  const names = [data.team?.name, data.channel?.name].filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  if (names.length) return names.join(' / ').slice(0, 200);
  const name = activity.conversation.name;
  if (typeof name === 'string' && name.trim()) return name.trim().slice(0, 200);
  return type === 'channel' ? 'Teams channel' : 'Teams group chat';
}
