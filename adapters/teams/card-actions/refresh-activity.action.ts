import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { renderViewCard } from '../cards/view.card';
import { presentFailure } from '../teams-errors';
import { identifyTeamsUser } from '../teams-identity';
import type { TeamsRouteDeps } from '../teams-routes';
import { cardFor } from './activity.action';
import { ZRefreshData } from './activity-action.schemas';

/**
 * `activity.refresh`: a Teams client showing an activity card to one of its refresh
 * userIds asks for that user's view, and shows them the answer: the buttons of what
 * they may do now (the core decides), none for anyone else or once decided.
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/user-specific-views
 */
export function refreshActivityAction(deps: TeamsRouteDeps) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCard | string> => {
    const parsed = ZRefreshData.safeParse(data);
    if (!parsed.success) return MALFORMED_REFRESH;
    try {
      const core = deps.core();
      const actor = await identifyTeamsUser(core, context);
      return await cardFor({ core, actor, activityId: parsed.data.activityId, userIds: [context.activity.from.id] }, {});
    } catch (err) {
      return renderViewCard(presentFailure(err, deps.log, 'Teams activity refresh'));
    }
  };
}

export const MALFORMED_REFRESH = 'This card names no activity, so it cannot be shown afresh.';
