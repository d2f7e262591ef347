import { z } from 'zod';
import type { PostedMessage } from '../../core/index';

/**
 * Where a Slack message lives: chat.update needs the channel the message landed in
 * (a DM id such as D0123, not the user id it was posted to) and its ts.
 * https://docs.slack.dev/reference/methods/chat.update
 */
const ZSlackAddress = z.object({ channel: z.string().min(1).max(64), ts: z.string().regex(/^\d+\.\d+$/) }).strict();
export type SlackAddress = z.infer<typeof ZSlackAddress>;

export function toPostedMessage(address: SlackAddress): PostedMessage {
  return { platform: 'slack', address: JSON.stringify(ZSlackAddress.parse(address)) };
}

/** Throws on an address this adapter did not write: the core logs it and moves on. */
export function parseSlackAddress(message: PostedMessage): SlackAddress {
  if (message.platform !== 'slack') throw new Error(`not a Slack message: ${message.platform}`);
  let raw: unknown;
  try {
    raw = JSON.parse(message.address);
  } catch {
    throw new Error('Slack message address is not JSON');
  }
  const parsed = ZSlackAddress.safeParse(raw);
  if (!parsed.success) throw new Error(`Slack message address is malformed: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
