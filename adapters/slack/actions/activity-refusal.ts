import type { Actor, ActivityView, Core, CoreError, Logger } from '../../../core/index';
import { isCoreError } from '../../../core/index';
import { presentActivity } from '../../presenters/present-activity';
import { userMessage } from '../../presenters/user-messages';
import type { View } from '../../presenters/view';
import { errorSummary } from '../bolt-logger';
import { replyEphemeral, replyError } from '../reply';
import type { Respond } from '../response-url';

interface RefusalContext {
  core: () => Core;
  log: Logger;
  respond: Respond;
  /** Who clicked, once known: a stale click is answered with the activity as they may act on it now. */
  actor: Actor | null;
  activityId: string | null;
}

/**
 * A refused or failed activity action, told to the clicker alone (ephemeral; the
 * message they clicked stays as it is). A STALE click gets, in the same message, the
 * activity as it stands now with the buttons that apply to them now, or who decided it.
 */
export async function replyActivityRefusal(o: RefusalContext, err: unknown, context: Record<string, unknown>): Promise<void> {
  const current = isCoreError(err) && err.is('STALE') ? await currentView(o, context) : null;
  if (!current || !isCoreError(err)) return replyError(o.respond, err, o.log, context);
  o.log.info({ ...context, code: err.code }, 'slack request refused');
  try {
    await replyEphemeral(o.respond, staleView(err, current));
  } catch (replyErr) {
    o.log.error({ ...context, ...errorSummary(replyErr) }, 'slack error reply failed');
  }
}

async function currentView(o: RefusalContext, context: Record<string, unknown>): Promise<ActivityView | null> {
  if (!o.actor || !o.activityId) return null;
  try {
    return await o.core().getActivityView({ actor: o.actor, activityId: o.activityId });
  } catch (err) {
    o.log.warn({ ...context, ...errorSummary(err) }, 'slack: could not read the activity after a stale click');
    return null;
  }
}

/** "This card is out of date … Here it is as it stands now." above the activity as it stands. */
function staleView(err: CoreError, current: ActivityView): View {
  const view = presentActivity(current);
  return { ...view, paragraphs: [userMessage(err), ...view.paragraphs] };
}

/** A button whose value names no activity: forged, or from a message this bot did not build. */
export const MALFORMED_ACTIVITY_VALUE: View = {
  title: "That didn't work",
  tone: 'error',
  paragraphs: [
    "This button's data is not valid (it names no activity), so nothing was done. Use `/prov activities` to see your activities.",
  ],
};
