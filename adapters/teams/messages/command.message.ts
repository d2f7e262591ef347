import { TurnContext } from 'botbuilder';
import { runCommand } from '../../chat/run-command';
import type { View } from '../../presenters/view';
import { viewMessage } from '../cards/view.card';
import { errorSummary, presentFailure } from '../teams-errors';
import { identifyTeamsUser } from '../teams-identity';
import type { TeamsRouteDeps } from '../teams-routes';

/**
 * A message to the bot: the words of Slack's `/prov` without the slash. In a channel
 * or group chat the text starts with the bot's @mention, which is removed first.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations#retrieve-mentions
 * Parse, call, render: who may do what is the core's decision.
 */
export function commandMessage(deps: TeamsRouteDeps) {
  return async (context: TurnContext): Promise<void> => {
    await deps.addresses.learn(context.activity).catch((err) => deps.log.warn(errorSummary(err), 'Teams address not saved'));
    const text = TurnContext.removeRecipientMention(context.activity) ?? '';
    let view: View;
    try {
      const core = deps.core();
      view = await runCommand(core, await identifyTeamsUser(core, context), text, '');
    } catch (err) {
      view = presentFailure(err, deps.log, 'Teams command');
    }
    await context.sendActivity(viewMessage(view));
  };
}
