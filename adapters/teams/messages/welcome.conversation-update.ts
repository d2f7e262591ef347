import type { TurnContext } from 'botbuilder';
import { presentHelp } from '../../presenters/present-help';
import { viewMessage } from '../cards/view.card';
import { isPersonal, referenceOf } from '../conversation-reference';
import { errorSummary } from '../teams-errors';
import { identifyTeamsUser } from '../teams-identity';
import type { TeamsRouteDeps } from '../teams-routes';

/**
 * Installation (`installationUpdate`) and membership (`conversationUpdate`) events:
 * the first chance to learn how to reach someone, before they ever type. The sender
 * is also identified, which links their Teams id to a directory entry with the same
 * email, so an access request can reach a placer who installed the app and never
 * wrote. When the bot joins a personal chat it introduces itself with the command
 * list; in teams and group chats it stays quiet until mentioned.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages#get-the-conversation-reference
 */
export function welcome(deps: TeamsRouteDeps) {
  return async (context: TurnContext): Promise<void> => {
    const { activity } = context;
    if (activity.from.id === activity.recipient.id) return;
    await deps.addresses.learn(activity).catch((err) => deps.log.warn(errorSummary(err), 'Teams address not saved'));
    await identifyTeamsUser(deps.core(), context).catch((err) => deps.log.warn(errorSummary(err), 'Teams user not identified'));
    const botJoined = activity.membersAdded?.some((m) => m.id === activity.recipient.id) ?? false;
    if (botJoined && isPersonal(referenceOf(activity))) await context.sendActivity(viewMessage(presentHelp('')));
  };
}
