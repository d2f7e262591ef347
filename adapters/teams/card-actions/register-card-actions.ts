import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { TeamsRouteDeps } from '../teams-routes';
import { decideAccessAction, UNKNOWN_ACTION } from './decide-access.action';
import { invokeMessage } from './invoke-message';

const isCardAction = async (context: TurnContext) => context.activity.type === 'invoke' && context.activity.name === 'adaptiveCard/action';

/**
 * Button verbs are the shared dotted ids (Slack action_id, Teams verb). Routes match
 * in order; the last answers any other card action, including one that is not an
 * Action.Execute at all, which adaptiveCards.actionExecute would throw on.
 */
export function registerCardActions(app: Application<TurnState>, deps: TeamsRouteDeps): void {
  app.adaptiveCards.actionExecute('access.approve', decideAccessAction(deps, 'approve'));
  app.adaptiveCards.actionExecute('access.decline', decideAccessAction(deps, 'decline'));
  app.addRoute(isCardAction, async (context) => void (await context.sendActivity(invokeMessage(UNKNOWN_ACTION))), true);
}
