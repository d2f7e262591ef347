import { DeliveryRefused } from '../../core/index';

/**
 * Slack error codes that no retry will change: the channel or user is gone or the bot
 * is not in it, the message to update is gone, or the message itself is refused.
 * https://docs.slack.dev/reference/methods/chat.postMessage#errors and
 * https://docs.slack.dev/reference/methods/chat.update#errors
 */
export const PERMANENT_SLACK_ERRORS: ReadonlySet<string> = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'user_not_found',
  'account_inactive',
  'message_not_found',
  'cant_update_message',
  'msg_too_long',
  'invalid_blocks',
]);

/**
 * Platform errors after which Slack may still have stored the post: "It's possible some
 * aspect of the operation succeeded before the error was raised" (internal_error,
 * https://docs.slack.dev/reference/methods/chat.postMessage#errors). Any other
 * platform error is an answer that nothing was posted.
 */
const MAYBE_STORED_SLACK_ERRORS: ReadonlySet<string> = new Set(['internal_error', 'fatal_error', 'request_timeout']);

/** Network errors raised before the request reached Slack: nothing can have been posted. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The WebClient's error codes (@slack/web-api ErrorCode), matched by value so no SDK import is needed. */
const RATE_LIMITED = 'slack_webapi_rate_limited_error';
const PLATFORM_ERROR = 'slack_webapi_platform_error';
const REQUEST_ERROR = 'slack_webapi_request_error';

/**
 * What the outbox dispatcher should make of a WebClient error: a 429 (the notifier's
 * client rejects rate-limited calls instead of waiting) says when to come back; a
 * platform error from PERMANENT_SLACK_ERRORS is not tried again; another platform
 * error, or a connection that never reached Slack, is a refusal retried with backoff
 * (nothing was posted). Anything else (a timeout, a reset connection, a 5xx,
 * internal_error) is returned as is: the post may be stored, so the dispatcher's next
 * attempt is in doubt and looks for it first (find-posted-notice.ts).
 */
export function slackRefusal(err: unknown, method: string): unknown {
  const e = err as { code?: unknown; retryAfter?: unknown; data?: { error?: unknown }; original?: { code?: unknown } } | null;
  if (e?.code === RATE_LIMITED && typeof e.retryAfter === 'number') {
    return new DeliveryRefused(`Slack rate-limited ${method}; retry after ${e.retryAfter} s`, {
      retryAfterMs: Math.max(0, e.retryAfter) * 1000,
    });
  }
  const error = e?.code === PLATFORM_ERROR && typeof e.data?.error === 'string' ? e.data.error : null;
  if (error && PERMANENT_SLACK_ERRORS.has(error)) return new DeliveryRefused(`Slack refused ${method}: ${error}`, { permanent: true });
  if (error && !MAYBE_STORED_SLACK_ERRORS.has(error)) return new DeliveryRefused(`Slack refused ${method}: ${error}`);
  const network = e?.code === REQUEST_ERROR ? e.original?.code : undefined;
  if (typeof network === 'string' && NEVER_SENT.has(network))
    return new DeliveryRefused(`Slack could not be reached for ${method} (${network})`);
  return err;
}

/** Runs one Web API call, turning Slack's refusals into DeliveryRefused (see slackRefusal). */
export async function refusedBySlack<T>(method: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw slackRefusal(err, method);
  }
}
