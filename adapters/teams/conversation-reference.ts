import type { Activity, ConversationReference } from 'botbuilder';
import { z } from 'zod';

/**
 * How the bot reaches a Teams user later: the conversation reference of a chat with
 * them, as Bot Framework proactive messaging needs it (serviceUrl, conversation, bot,
 * user). https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
 * It is stored as JSON in the chat-address repository and in posted messages, so it
 * is validated whenever it is read back.
 */
const ZAccount = z.object({
  id: z.string().min(1).max(500),
  name: z.string().max(500).optional(),
  aadObjectId: z.string().max(200).optional(),
});

export const ZStoredReference = z.object({
  channelId: z.string().min(1).max(100),
  serviceUrl: z.string().url().max(2000),
  conversation: z.object({
    id: z.string().min(1).max(1000),
    conversationType: z.string().max(50).optional(),
    tenantId: z.string().max(200).optional(),
  }),
  bot: ZAccount,
  user: ZAccount,
  locale: z.string().max(50).optional(),
});
export type StoredReference = z.infer<typeof ZStoredReference>;

/**
 * The reference of the conversation an activity arrived in, without its activity id:
 * a proactive message carrying one would be sent as a reply to that old message.
 */
export function referenceOf(activity: Activity): StoredReference {
  const { serviceUrl, channelId, conversation, recipient, from, locale } = activity;
  return {
    channelId,
    serviceUrl,
    conversation: {
      id: conversation.id,
      conversationType: conversationType(activity),
      tenantId: conversation.tenantId ?? tenantOf(activity),
    },
    bot: { id: recipient.id, name: recipient.name },
    user: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    ...(locale ? { locale } : {}),
  };
}

/** Teams always says; other Bot Framework clients may only say isGroup, false for a one-to-one chat. */
function conversationType(activity: Activity): string {
  return activity.conversation.conversationType ?? (activity.conversation.isGroup ? 'groupChat' : 'personal');
}

/** Teams puts the tenant in channelData; conversation.tenantId is not always set. */
function tenantOf(activity: Activity): string | undefined {
  const tenant: unknown = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return typeof tenant === 'string' ? tenant : undefined;
}

/** Only a personal chat is private: a channel or group reference must never carry a DM. */
export const isPersonal = (ref: StoredReference): boolean => ref.conversation.conversationType === 'personal';

export function parseReference(json: string): StoredReference | null {
  try {
    const parsed = ZStoredReference.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The shape botbuilder's continueConversationAsync expects. */
export function toConversationReference(ref: StoredReference): Partial<ConversationReference> {
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    conversation: {
      id: ref.conversation.id,
      conversationType: ref.conversation.conversationType ?? '',
      tenantId: ref.conversation.tenantId,
      isGroup: !isPersonal(ref),
      name: '',
    },
    bot: { id: ref.bot.id, name: ref.bot.name ?? '' },
    user: { id: ref.user.id, name: ref.user.name ?? '', aadObjectId: ref.user.aadObjectId },
    locale: ref.locale,
  };
}
