import { DeliveryRefused } from '../../core/index';
import { retryAfterMs, statusOf } from './connector-retry';

/**
 * Connector answers no retry will change: a malformed activity (400), a bot removed
 * from the conversation or blocked by the user (403), a conversation or message that is
 * gone (404), a card over the size limit (413 MessageSizeTooBig).
 * https://learn.microsoft.com/microsoftteams/platform/bots/build-conversational-capability#status-codes-from-bot-conversational-apis
 */
export const PERMANENT_STATUSES: ReadonlySet<number> = new Set([400, 403, 404, 413]);

/**
 * What the outbox dispatcher should make of a connector error. A 429 that is still
 * refused after the connector pipeline's own retries says, through Retry-After, when to
 * come back; without the header it is an ordinary failure, retried with backoff. A
 * permanent status is not tried again. 412, 502, 504, other 5xx and network failures
 * are returned as they are: transient.
 */
export function teamsRefusal(err: unknown, what: string): unknown {
  const status = statusOf(err);
  if (status === 429) {
    const wait = retryAfterMs(err);
    return wait === null ? err : new DeliveryRefused(`Teams throttled ${what} (429); retry after ${wait} ms`, { retryAfterMs: wait });
  }
  if (status !== null && PERMANENT_STATUSES.has(status))
    return new DeliveryRefused(`Teams refused ${what} (${status}${codeOf(err)})`, { permanent: true });
  return err;
}

/** Runs one connector call, turning Teams' refusals into DeliveryRefused (see teamsRefusal). */
export async function refusedByTeams<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw teamsRefusal(err, what);
  }
}

/** The connector's error code ("ConversationNotFound", "BotNotInConversationRoster"), when it gave one. */
function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Za-z]{1,64}$/.test(code) ? ` ${code}` : '';
}
