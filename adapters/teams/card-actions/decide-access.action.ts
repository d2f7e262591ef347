import type { TurnContext } from 'botbuilder';
import type { Decision } from '../../../core/index';
import { presentDecidedAccessRequest } from '../../presenters/present-access-request';
import type { View } from '../../presenters/view';
import { viewToText } from '../../presenters/view';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { renderViewCard } from '../cards/view.card';
import { errorSummary, presentFailure } from '../teams-errors';
import { identifyTeamsUser } from '../teams-identity';
import type { TeamsRouteDeps } from '../teams-routes';
import { ZDecideAccessData } from './decide-access.schemas';
import { withinBudget } from '../../chat/within-budget';

/**
 * Approve or Decline on an access-request card (`adaptiveCard/action` invoke).
 * A card returned here replaces the clicker's card; a string is shown to them as a
 * message and leaves the card as it was, which is what a refusal must do.
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards
 */
export function decideAccessAction(deps: TeamsRouteDeps, decision: Decision) {
  return async (context: TurnContext, _state: unknown, data: unknown): Promise<AdaptiveCard | string> => {
    const parsed = ZDecideAccessData.safeParse(data);
    if (!parsed.success) return MALFORMED_DATA;
    try {
      const core = deps.core();
      const { requestId } = parsed.data;
      const decided = identifyTeamsUser(core, context).then((actor) => core.decideAccessRequest({ actor, requestId, decision }));
      const result = await withinBudget(decided, deps.invokeBudgetMs);
      if (result === 'late') {
        decided.catch((err) => deps.log.error({ requestId, ...errorSummary(err) }, 'late Teams decision failed'));
        return renderViewCard(stillRunning(decision));
      }
      return renderViewCard(presentDecidedAccessRequest(result.request));
    } catch (err) {
      return viewToText(presentFailure(err, deps.log, 'Teams card action')).replace('\n', ': ');
    }
  };
}

export const MALFORMED_DATA =
  "This button's data is not valid (it names no access request), so nothing was decided. Ask the requester to send the request again.";

function stillRunning(decision: Decision): View {
  return {
    title: decision === 'approve' ? 'Approving…' : 'Declining…',
    tone: 'info',
    paragraphs: ['Your decision is being carried out. This card shows the result as soon as it is done.'],
  };
}

/** Any other Action.Execute verb: a card from an older version of the bot, or a forged click. */
export const UNKNOWN_ACTION = "I don't know that button, so nothing was done. It may come from an older version of this card.";
