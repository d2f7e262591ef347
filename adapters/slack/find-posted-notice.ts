import type { webApi } from '@slack/bolt';
import type { SlackAddress } from './slack-address';

/**
 * Every notice provbot posts carries its delivery's idempotency key in the message's
 * metadata, so a delivery whose last attempt may have gone out (the process died, or
 * lost its lease, between Slack's answer and recording it) can look before posting
 * again. https://docs.slack.dev/messaging/message-metadata
 */
export const DELIVERY_EVENT = 'provbot_delivery';

export const deliveryMetadata = (key: string) => ({ event_type: DELIVERY_EVENT, event_payload: { key } });

/** How far back to look: a retry comes within the lease and a few backoffs, long before 100 newer messages. */
const HISTORY_LIMIT = 100;

/**
 * Where the notices with these keys already are in the channel (or the DM with this
 * user), by key; those not found are absent. Reading history needs the *:history
 * scopes; without them this throws, and the caller posts again rather than not at all.
 * https://docs.slack.dev/reference/methods/conversations.history
 */
export async function findPostedNotices(
  client: webApi.WebClient,
  channel: string,
  keys: readonly string[],
): Promise<Map<string, SlackAddress>> {
  const found = new Map<string, SlackAddress>();
  // A DM is posted to the user id; its history is the IM channel's.
  const conversation = /^[UW]/.test(channel) ? (await client.conversations.open({ users: channel })).channel?.id : channel;
  if (!conversation) return found;
  const res = await client.conversations.history({ channel: conversation, limit: HISTORY_LIMIT, include_all_metadata: true });
  const wanted = new Set(keys);
  for (const m of res.messages ?? []) {
    const key = m.metadata?.event_type === DELIVERY_EVENT ? (m.metadata.event_payload as { key?: unknown } | undefined)?.key : undefined;
    if (typeof key === 'string' && wanted.has(key) && m.ts && !found.has(key)) found.set(key, { channel: conversation, ts: m.ts });
  }
  return found;
}
