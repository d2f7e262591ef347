import type { Logger } from '../../core/index';
import { isCoreError } from '../../core/index';
import { presentError } from '../presenters/present-error';
import type { View } from '../presenters/view';
import { errorSummary } from './bolt-logger';
import { renderView } from './blocks/view.blocks';
import type { Respond } from './response-url';

/**
 * Replies through the response_url, visible only to the person who acted, and
 * never replacing the message they clicked in ("replace_original": false).
 * https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
export function replyEphemeral(respond: Respond, view: View): Promise<void> {
  return respond({ response_type: 'ephemeral', replace_original: false, ...renderView(view) });
}

/**
 * Expected failures get their words; anything else a ref that the log carries too.
 * The error is logged as a summary, never as an object that could hold a token.
 */
export async function replyError(respond: Respond, err: unknown, log: Logger, context: Record<string, unknown>): Promise<void> {
  const ref = globalThis.crypto.randomUUID().slice(0, 8);
  if (isCoreError(err)) log.info({ ...context, code: err.code }, 'slack request refused');
  else log.error({ ...context, ref, ...errorSummary(err) }, 'slack request failed');
  try {
    await replyEphemeral(respond, presentError(err, ref));
  } catch (replyErr) {
    log.error({ ...context, ref, ...errorSummary(replyErr) }, 'slack error reply failed');
  }
}
