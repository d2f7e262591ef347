import type { Actor, ChatDestination, Core } from '../../core/index';
import type { NotifyAction } from './commands/parse-notify-command';
import {
  presentNotificationOverview,
  presentNotificationSettings,
  presentTemplateSaved,
} from '../presenters/present-notification-settings';
import {
  presentChatDestinationsChanged,
  presentChatDestinationsTested,
  presentNeedsChannel,
  presentPasswordInSharedChat,
  presentTestEmail,
} from '../presenters/present-notification-tests';
import { presentNotifyHelp } from '../presenters/present-notify-help';
import { CHAT_DEAD_LIST_LIMIT, presentDeadRequeued, presentOutboxSummary } from '../presenters/present-outbox';
import type { View } from '../presenters/view';

/** Where a command was typed, as the platform tells it. */
export interface CommandPlace {
  /** The channel or group chat, as a destination for notices; null in a direct chat. */
  here: ChatDestination | null;
  /** Only the bot saw the words: a Slack slash command (never posted to the channel), a Teams personal chat. */
  private: boolean;
}

/** A command from a caller that does not say where it was typed: no channel, and not known to be private. */
const NOWHERE: CommandPlace = { here: null, private: false };

/**
 * `notify ...`: parse was done, here the core is called and the answer rendered. Two
 * checks belong to the place, not the core: a channel can only be registered from
 * inside it, and an SMTP password typed where others read it is refused.
 */
export async function runNotifyCommand(
  core: Core,
  actor: Actor,
  action: NotifyAction,
  prefix: string,
  place: CommandPlace = NOWHERE,
): Promise<View> {
  const options = { prefix };
  switch (action.kind) {
    case 'help':
      return presentNotifyHelp(prefix);
    case 'show':
      if (!action.scope) return presentNotificationOverview(await core.getNotificationOverview({ actor }), prefix);
      return presentNotificationSettings(await core.getNotificationSettings({ actor, scope: action.scope }), options);
    case 'set-domain':
      if (!place.private && action.change.kind === 'smtp' && action.change.edits.password) return presentPasswordInSharedChat(prefix);
      return presentNotificationSettings(await core.setDomainNotifications({ actor, domain: action.domain, change: action.change }), {
        ...options,
        changed: true,
      });
    case 'set-system':
      if (!place.private && action.change.kind === 'smtp' && action.change.edits.password) return presentPasswordInSharedChat(prefix);
      return presentNotificationSettings(await core.setSystemNotifications({ actor, change: action.change }), {
        ...options,
        changed: true,
      });
    case 'set-template':
      return presentTemplateSaved(
        await core.setNotificationTemplate({ actor, change: action.change, ...(action.applyTo ? { applyTo: action.applyTo } : {}) }),
        prefix,
      );
    case 'test-email': {
      if (!place.private && action.smtp?.password) return presentPasswordInSharedChat(prefix);
      const { to, scope, smtp } = action;
      return presentTestEmail(await core.testNotificationSettings({ actor, to, scope, ...(smtp ? { smtp } : {}) }), prefix);
    }
    case 'test-channel':
      return presentChatDestinationsTested(await core.testChatDestinations({ actor, scope: action.scope }), prefix);
    case 'outbox':
      if (!action.retry) return presentOutboxSummary(await core.getDeliverySummary({ actor, limit: CHAT_DEAD_LIST_LIMIT }), prefix);
      return presentDeadRequeued(
        action.retry.id ? await core.retryDeadDelivery({ actor, id: action.retry.id }) : await core.retryDeadDeliveries({ actor }),
      );
    case 'channel': {
      if (!place.here) return presentNeedsChannel(prefix);
      const input = { actor, scope: action.scope, destination: place.here };
      const result = action.op === 'here' ? await core.registerChatDestination(input) : await core.removeChatDestination(input);
      return presentChatDestinationsChanged(result, { op: action.op, here: place.here, prefix });
    }
  }
}
