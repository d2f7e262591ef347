import type { CoreDeps } from '../core-deps';
import { hasRole } from '../directory/directory';
import { CoreError } from '../errors';
import { problem, zodFields } from '../validation-problems';
import { ZFreeText } from '../text.schemas';
import { activityRefusal, mayKnowActivity } from './permissions/authorize-work';
import { assertFourEyes } from './permissions/four-eyes';
import { ZAssignee } from './order.schemas';
import { releaseProducts } from './model/order-products';
import { readWorkflow, rulesFor } from './use-case-parts/read-workflow';
import { commitStep, followUp, knownProducts, newActivityId } from './use-case-parts/settle-step';
import type { ActOnActivityInput, ActivityActed } from './use-case-types';
import type { Activity, ActivityAction } from './model/work-order';
import { ACTIVITY_ROLE } from './model/work-order';
import { applyActivityAction } from './model/work-order-machine';
import { assigneeNameOf } from './use-case-parts/assignee-names';

/**
 * An assignee accepts, approves or rejects, completes, declines or delegates an
 * activity, from whichever channel reached them ("Approving Orders", "Shipping
 * Phones", "Receiving Phones"). The first decision wins: the step is committed only if
 * nothing changed since it was read; every posted copy is then updated in place.
 */
export async function actOnActivity(deps: CoreDeps, input: ActOnActivityInput): Promise<ActivityActed> {
  const found = await deps.workOrders.findActivity(input.activityId);
  if (!found) throw new CoreError('ACTIVITY_NOT_FOUND', { activityId: input.activityId });
  const before = await readWorkflow(deps, found.orderNumber);
  const activity = before.activities.find((a) => a.id === found.id) ?? found;
  // Permission first: someone outside the activity's role learns neither who decided it nor the order's state.
  if (!mayKnowActivity(input.actor, activity)) {
    throw new CoreError('NOT_AUTHORIZED', { action: `act on this ${activity.kind}`, reason: 'it is not assigned to you' });
  }
  // Then decided: a second click on a decided card says who decided, not merely that the card is old.
  if (activity.status === 'Done' || activity.status === 'Rejected') throw alreadyDecided(activity);
  if (input.expectedOrderVersion !== undefined && input.expectedOrderVersion !== before.order.version) {
    throw new CoreError('STALE', { orderNumber: before.order.number, currentVersion: before.order.version });
  }
  // The directory is asked for the assignee's name only when the answer is a refusal that names them.
  if (activityRefusal(input.actor, activity))
    throw new CoreError('NOT_AUTHORIZED', {
      action: `${input.action.kind} this ${activity.kind} of order ${activity.orderNumber}`,
      reason: activityRefusal(input.actor, activity, await assigneeNameOf(deps, activity))!,
    });
  const action = await checkDelegate(deps, checkNote(input.action), activity);
  const rules = await rulesFor(deps, activity.domain);
  if (action.kind === 'approve') await assertFourEyes(deps, input.actor, activity, before.order, rules);

  const actor = { name: input.actor.name, email: input.actor.email, channel: input.actor.channel };
  const now = deps.clock.now();
  const step = applyActivityAction(before, activity.id, action, actor, rules, now, newActivityId);
  // A rejected order ends here: the products it was against lose their mark.
  const products = step.order.state === 'Cancelled' ? releaseProducts(await knownProducts(deps, step.order), step.order) : undefined;
  if (!(await commitStep(deps, before, step, { products }))) throw await lostRace(deps, activity);

  const acted = step.activities.find((a) => a.id === activity.id)!;
  const decided = acted.status === 'Done' || acted.status === 'Rejected';
  if (decided && acted.decidedAt)
    deps.monitor?.activityDecided({ kind: acted.kind, waitedMs: acted.decidedAt.getTime() - acted.createdAt.getTime() });
  const settled = await followUp(deps, step);
  const holder = step.opened[0] ?? acted;
  return { activity: acted, order: settled.order, opened: step.opened, assigneeName: await assigneeNameOf(deps, holder) };
}

/** Someone else's step was committed first: say whose decision it was, or that the card is out of date. */
async function lostRace(deps: CoreDeps, activity: Activity): Promise<CoreError> {
  const now = await deps.workOrders.findActivity(activity.id);
  if (now && (now.status === 'Done' || now.status === 'Rejected')) return alreadyDecided(now);
  const order = await deps.workOrders.findByNumber(activity.orderNumber);
  return new CoreError('STALE', { orderNumber: activity.orderNumber, currentVersion: order?.version ?? 0 });
}

function alreadyDecided(activity: Activity): CoreError<'ALREADY_DECIDED'> {
  const decision = activity.status === 'Rejected' ? 'Rejected' : activity.kind === 'Approval' ? 'Approved' : 'Completed';
  return new CoreError('ALREADY_DECIDED', {
    decision,
    decidedBy: activity.decidedBy?.name ?? 'someone',
    decidedAt: activity.decidedAt ?? new Date(0),
  });
}

/** A rejection's reason (or another decision's note) reaches emails and chat: free text, 1,000 characters at most. */
export const MAX_DECISION_NOTE = 1000;
const ZDecisionNote = ZFreeText(MAX_DECISION_NOTE);

/** A note left blank is no note; one that is there is checked as free text. */
function checkNote(action: ActivityAction): ActivityAction {
  if (!('note' in action) || action.note === undefined) return action;
  const { note: _blank, ...without } = action;
  if (action.note.trim() === '') return without as ActivityAction;
  const parsed = ZDecisionNote.safeParse(action.note);
  if (!parsed.success) {
    throw new CoreError('VALIDATION_FAILED', zodFields(parsed.error, { '': action.kind === 'reject' ? 'reason' : 'note' }));
  }
  return { ...action, note: parsed.data } as ActivityAction;
}

/**
 * A delegate must be able to act: a person in the directory holding the activity's
 * role in the domain (or an Administrator there), or the group of that role.
 */
async function checkDelegate(deps: CoreDeps, action: ActivityAction, activity: Activity): Promise<ActivityAction> {
  if (action.kind !== 'delegate') return action;
  const parsed = ZAssignee.safeParse(action.to);
  if (!parsed.success)
    throw new CoreError('VALIDATION_FAILED', { fields: [problem('delegateTo', 'Give an email address or a group (role) name')] });
  const to = parsed.data;
  if (to.kind === 'group') return { kind: 'delegate', to };
  const role = ACTIVITY_ROLE[activity.kind];
  const user = await deps.users.findByEmail(to.email);
  if (!user)
    throw new CoreError('VALIDATION_FAILED', {
      fields: [
        problem(
          'delegateTo',
          `${to.email} is not in provbot's directory, so could not act on this ${activity.kind.toLowerCase()} activity`,
        ),
      ],
    });
  if (!hasRole(user, role, activity.domain) && !hasRole(user, 'Administrator', activity.domain)) {
    throw new CoreError('VALIDATION_FAILED', {
      fields: [
        problem(
          'delegateTo',
          `${user.name} (${user.email}) does not hold the ${role} role in ${activity.domain}, so could not act on this ${activity.kind.toLowerCase()} activity`,
        ),
      ],
    });
  }
  return { kind: 'delegate', to: { kind: 'user', email: user.email } };
}
