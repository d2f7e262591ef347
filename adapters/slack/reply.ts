import type { webApi } from '@slack/bolt';
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
 * A direct message: where the outcome of a closed modal goes, since a modal
 * submission brings no response_url and the modal is gone. Posting to the user id
 * lands in the bot's DM with them.
 */
export async function sendDirect(client: webApi.WebClient, userId: string, view: View): Promise<void> {
  await client.chat.postMessage({ channel: userId, ...renderView(view) });
}

/**
 * Expected failures get their words; anything else a ref that the log carries too.
 * The error is logged as a summary, never as an object that could hold a token.
 */
export async function replyError(respond: Respond, err: unknown, log: Logger, context: Record<string, unknown>): Promise<void> {
  await tell((view) => replyEphemeral(respond, view), err, log, context);
}

/** replyError, by direct message. */
export async function sendDirectError(
  client: webApi.WebClient,
  userId: string,
  err: unknown,
  log: Logger,
  context: Record<string, unknown>,
): Promise<void> {
  await tell((view) => sendDirect(client, userId, view), err, log, context);
}

/** The view of a failure, after logging it; the ref ties the user's message to the log line. */
export function errorView(err: unknown, log: Logger, context: Record<string, unknown>): { view: View; ref: string } {
  const ref = globalThis.crypto.randomUUID().slice(0, 8);
  if (isCoreError(err)) log.info({ ...context, code: err.code }, 'slack request refused');
  else log.error({ ...context, ref, ...errorSummary(err) }, 'slack request failed');
  return { view: presentError(err, ref), ref };
}

async function tell(send: (view: View) => Promise<void>, err: unknown, log: Logger, context: Record<string, unknown>): Promise<void> {
  const { view, ref } = errorView(err, log, context);
  try {
    await send(view);
  } catch (replyErr) {
    log.error({ ...context, ref, ...errorSummary(replyErr) }, 'slack error reply failed');
  }
}
