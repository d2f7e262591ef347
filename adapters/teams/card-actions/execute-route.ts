import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard, Verb } from '../cards/adaptive-card';
import { invokeCard, invokeMessage } from './invoke-message';
import { interactionLabel } from '../../observability/command-label';
import { labelRequest } from '../../observability/request-context';

export type ExecuteHandler = (context: TurnContext, data: unknown) => Promise<AdaptiveCard | string>;

const actionOf = (context: TurnContext): { type?: unknown; verb?: unknown; data?: unknown } | undefined =>
  (context.activity.value as { action?: { type?: unknown; verb?: unknown; data?: unknown } } | undefined)?.action;

/**
 * An Action.Execute route that answers its own invoke: a card replaces the card for the
 * clicker only, a string is shown to them and leaves the card as it was. Not
 * adaptiveCards.actionExecute: given a card with `refresh` it switches to replacing the
 * card for everyone (a PUT of one user's view over the shared message) and stays
 * switched for every later answer of that route (teams-ai AdaptiveCards.js, 1.7).
 */
export function executeRoute(app: Application<TurnState>, verbs: Verb[], handler: ExecuteHandler): void {
  const selector = async (context: TurnContext) => {
    const a = context.activity;
    const action = actionOf(context);
    return (
      a.type === 'invoke' && a.name === 'adaptiveCard/action' && action?.type === 'Action.Execute' && verbs.includes(action.verb as Verb)
    );
  };
  app.addRoute(
    selector,
    async (context) => {
      labelRequest(interactionLabel('action', verbOf(context)));
      const result = await handler(context, actionOf(context)?.data ?? {});
      await context.sendActivity(typeof result === 'string' ? invokeMessage(result) : invokeCard(result));
    },
    true,
  );
}

/** The verb of the Action.Execute being handled. */
export const verbOf = (context: TurnContext): string => String(actionOf(context)?.verb ?? '');
