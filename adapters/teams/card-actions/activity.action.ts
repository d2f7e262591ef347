import type { TurnContext } from 'botbuilder';
import type { ActivityAction, Actor, Core, FieldKey } from '../../../core/index';
import { isCoreError } from '../../../core/index';
import { underInput } from '../../presenters/field-problems';
import { presentActivity } from '../../presenters/present-activity';
import { userMessage } from '../../presenters/user-messages';
import type { ActionId, View } from '../../presenters/view';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { activityCard } from '../cards/activity.card';
import type { CardOptions } from '../cards/view.card';
import { cardMessage, renderViewCard } from '../cards/view.card';
import { referenceOf } from '../conversation-reference';
import { errorSummary, presentFailure } from '../teams-errors';
import { identifyTeamsUser } from '../teams-identity';
import type { TeamsRouteDeps } from '../teams-routes';
import type { ActivityClick } from './activity-action.schemas';
import { parseDelegateTo } from '../../chat/commands/parse-delegate-to';
import { parseActivityClick } from './activity-action.schemas';
import { withinBudget } from '../../chat/within-budget';

type Kind = ActivityAction['kind'];

/**
 * Accept, Approve, Reject, Complete, Decline or Delegate on an activity card
 * (`adaptiveCard/action` invoke, verb `activity.<kind>`). The answer is the card as
 * the clicker now sees it; the core replaces every other posted copy itself. A refusal
 * (not theirs, already decided, out of date, not now) or a refused typed value changes
 * nothing and comes back as the current card with the reason on it.
 */
export function activityAction(deps: TeamsRouteDeps, kind: Kind) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCard | string> => {
    const click = parseActivityClick(data);
    if (!click) return MALFORMED_ACTIVITY_DATA;
    const work = act(deps, context, kind, click).catch((err) => renderViewCard(presentFailure(err, deps.log, 'Teams activity action')));
    const result = await withinBudget(work, deps.invokeBudgetMs);
    if (result !== 'late') return result;
    // The clicker holds a "working" card; once done it gets the real one, whatever happened.
    const { activity } = context;
    const replyToId = activity.replyToId;
    if (!replyToId) return renderViewCard(stillWorking(kind));
    void work.then((card) =>
      deps.conversations
        .update(referenceOf(activity), replyToId, cardMessage(card, 'Activity'))
        .catch((err) => deps.log.warn({ activityId: click.activityId, ...errorSummary(err) }, 'late Teams activity card not updated')),
    );
    return renderViewCard(stillWorking(kind));
  };
}

async function act(deps: TeamsRouteDeps, context: TurnContext, kind: Kind, click: ActivityClick): Promise<AdaptiveCard> {
  const core = deps.core();
  const actor = await identifyTeamsUser(core, context);
  const viewer = { core, actor, activityId: click.activityId, userIds: [context.activity.from.id] };
  const action = toAction(kind, click);
  const typed = { delegate: click.delegateTo, complete: click.macAddress, reject: click.rejectReason }[kind as string];
  const inputProblem = (problem: string) => ({ inputProblem: { actionId: `activity.${kind}` as ActionId, value: typed ?? '', problem } });
  if ('problem' in action) return cardFor(viewer, inputProblem(action.problem));
  try {
    await core.actOnActivity({ actor, activityId: click.activityId, action, expectedOrderVersion: click.orderVersion });
  } catch (err) {
    if (!isCoreError(err)) throw err;
    if (err.is('VALIDATION_FAILED') && typed !== undefined) {
      return cardFor(viewer, inputProblem(underInput(err.details.fields, FIELD_OF_KIND[kind] ?? 'request')));
    }
    return cardFor(viewer, { notice: userMessage(err) });
  }
  return cardFor(viewer, {});
}

/** The core's field each activity input asks for. */
const FIELD_OF_KIND: Partial<Record<Kind, FieldKey>> = { complete: 'macAddress', delegate: 'delegateTo', reject: 'reason' };

function toAction(kind: Kind, click: ActivityClick): ActivityAction | { problem: string } {
  switch (kind) {
    case 'complete':
      return click.macAddress !== undefined ? { kind, macAddress: click.macAddress.trim() } : { kind };
    case 'delegate': {
      const to = parseDelegateTo(click.delegateTo ?? '');
      return to.ok ? { kind, to: to.to } : { problem: to.problem };
    }
    case 'reject':
      // Optional: the core drops a blank one.
      return click.rejectReason !== undefined ? { kind, note: click.rejectReason } : { kind };
    default:
      return { kind };
  }
}

/**
 * The activity as this viewer sees it now, with `o` (a reason, a refused value) on it.
 * When they may not even look, the reason alone.
 */
export async function cardFor(
  v: { core: Core; actor: Actor; activityId: string; userIds: string[] },
  o: Omit<CardOptions, 'refresh'>,
): Promise<AdaptiveCard> {
  try {
    const view = await v.core.getActivityView({ actor: v.actor, activityId: v.activityId });
    return activityCard(presentActivity(view), view.activity, v.userIds, o);
  } catch (err) {
    if (!isCoreError(err) || !o.notice) throw err;
    return renderViewCard({ title: "That didn't work", tone: 'error', paragraphs: [o.notice] });
  }
}

const WORKING: Record<Kind, string> = {
  accept: 'Accepting…',
  approve: 'Approving…',
  reject: 'Rejecting…',
  complete: 'Completing…',
  decline: 'Declining…',
  delegate: 'Delegating…',
};

function stillWorking(kind: Kind): View {
  return { title: WORKING[kind], tone: 'info', paragraphs: ['This is taking a moment. This card shows the result as soon as it is done.'] };
}

export const MALFORMED_ACTIVITY_DATA =
  'This button\'s data is not valid (it names no activity), so nothing was done. Open the activity again with the command "activities".';
