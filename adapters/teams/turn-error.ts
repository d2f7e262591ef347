import type { TurnContext } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import type { Logger } from '../../core/index';
import { presentError } from '../presenters/present-error';
import { unexpectedMessage } from '../presenters/user-messages';
import { invokeMessage } from './card-actions/invoke-message';
import { viewMessage } from './cards/view.card';
import { errorSummary, newRef } from './teams-errors';

/**
 * The last resort for an error no listener caught (listeners catch their own, so this
 * means a failed reply or a bug). The user still gets an answer with a ref: an invoke
 * its invoke response, a message a card.
 */
export function turnErrorHandler(log: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const ref = newRef();
    log.error({ ref, activityType: context.activity.type, ...errorSummary(error) }, 'Teams turn failed');
    try {
      if (context.activity.type === ActivityTypes.Invoke) {
        await context.sendActivity(invokeMessage(unexpectedMessage(ref)));
      } else if (context.activity.type === ActivityTypes.Message) {
        await context.sendActivity(viewMessage(presentError(error, ref)));
      }
    } catch (err) {
      log.warn({ ref, ...errorSummary(err) }, 'Teams error reply not sent');
    }
  };
}
