import { z } from 'zod';
import type { PostedMessage } from '../../core/index';
import type { StoredReference } from './conversation-reference';
import { ZStoredReference } from './conversation-reference';

/**
 * Where a posted Teams card lives: the conversation it went to and the activity id
 * the connector gave it, which `PUT /v3/conversations/{id}/activities/{activityId}`
 * needs to replace it. https://learn.microsoft.com/microsoftteams/platform/bots/how-to/update-and-delete-bot-messages
 */
const ZTeamsAddress = z.object({ reference: ZStoredReference, activityId: z.string().min(1).max(500) }).strict();
export type TeamsAddress = z.infer<typeof ZTeamsAddress>;

export function toPostedMessage(reference: StoredReference, activityId: string): PostedMessage {
  return { platform: 'teams', address: JSON.stringify(ZTeamsAddress.parse({ reference, activityId })) };
}

/** Throws on an address this adapter did not write: the core logs it and moves on. */
export function parseTeamsAddress(message: PostedMessage): TeamsAddress {
  if (message.platform !== 'teams') throw new Error(`not a Teams message: ${message.platform}`);
  let raw: unknown;
  try {
    raw = JSON.parse(message.address);
  } catch {
    throw new Error('Teams message address is not JSON');
  }
  const parsed = ZTeamsAddress.safeParse(raw);
  if (!parsed.success) throw new Error(`Teams message address is malformed: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
