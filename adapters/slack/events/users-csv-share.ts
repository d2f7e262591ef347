import { z } from 'zod';
import { looksLikeCustomerUsers, parseCustomerUsersCommand } from '../../chat/commands/parse-customer-users-command';
import type { SlackFile } from '../slack-files';
import { csvFileRefusal, ZSlackFile } from '../slack-files';

/**
 * A message to the bot that may carry a CSV file of users: a `message` in its DM (subtype
 * `file_share` when a file came with it: https://docs.slack.dev/reference/events/message/file_share)
 * or an `app_mention` in a channel, whose `files` carry the shared file.
 */
const ZEvent = z.object({
  type: z.enum(['message', 'app_mention']),
  subtype: z.string().max(64).optional(),
  channel_type: z.string().max(16).optional(),
  user: z.string().min(1).max(64),
  bot_id: z.string().optional(),
  text: z.string().max(40_000).default(''),
  channel: z.string().min(1).max(64),
  ts: z.string().min(1).max(32),
  thread_ts: z.string().max(32).optional(),
  files: z.array(z.unknown()).max(100).default([]),
});

export interface FileShare {
  user: string;
  channel: string;
  /** In a channel the bot answers in the message's thread; in its DM, in the conversation. */
  threadTs?: string;
  text: string;
  files: SlackFile[];
}

/** The share, or null for anything the bot should not answer: its own messages, edits, other people's channels. */
export function readFileShare(event: unknown): FileShare | null {
  const parsed = ZEvent.safeParse(event);
  if (!parsed.success) return null;
  const e = parsed.data;
  // The bot's own posts (a summary PDF it uploads into its DM) come back as file_share too.
  if (e.bot_id) return null;
  if (e.type === 'message' && (e.channel_type !== 'im' || (e.subtype !== undefined && e.subtype !== 'file_share'))) return null;
  const files = e.files.flatMap((f) => {
    const file = ZSlackFile.safeParse(f);
    return file.success ? [file.data] : [];
  });
  return { user: e.user, channel: e.channel, threadTs: e.type === 'app_mention' ? (e.thread_ts ?? e.ts) : undefined, text: e.text, files };
}

export type SharePlan =
  | { kind: 'ignore' }
  | { kind: 'guidance'; customer?: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'read'; customer: string; file: SlackFile };

/**
 * What to do with a share: words without a file, or a CSV without the words, get the
 * guidance; a wrong file is refused in words before it is downloaded; anything else
 * (a chat message, a photo) is not the bot's to answer.
 */
export function planFileShare(share: FileShare): SharePlan {
  const command = parseCustomerUsersCommand(share.text);
  const csv = share.files.filter((f) => csvFileRefusal(f) === null || /\.csv$/i.test(f.name));
  if (share.files.length === 0)
    return command || looksLikeCustomerUsers(share.text) ? { kind: 'guidance', customer: command?.customer } : { kind: 'ignore' };
  if (!command) return csv.length ? { kind: 'guidance' } : { kind: 'ignore' };
  if (share.files.length > 1)
    return {
      kind: 'refused',
      reason: `Share one CSV file at a time with "customer users ${command.customer}"; this message has ${share.files.length} files.`,
    };
  const file = share.files[0]!;
  const refusal = csvFileRefusal(file);
  return refusal ? { kind: 'refused', reason: refusal } : { kind: 'read', customer: command.customer, file };
}
