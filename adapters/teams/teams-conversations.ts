import type { TeamsAdapter as BotFrameworkAdapter } from '@microsoft/teams-ai';
import type { Activity, ConversationParameters, TurnContext } from 'botbuilder';
import type { StoredReference } from './conversation-reference';
import { toConversationReference } from './conversation-reference';
import { withConnectorRetry } from './connector-retry';

type Logic = (context: TurnContext) => Promise<void>;

/**
 * Proactive messages: the bot speaks first in a conversation it knows by reference.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
 * The outbound calls go to the reference's serviceUrl (the local recording connector
 * in tests) with a token for `botAppId`, or none in local mode.
 */
export class TeamsConversations {
  constructor(
    private readonly adapter: BotFrameworkAdapter,
    private readonly botAppId: string,
  ) {}

  /** Sends a new message; returns the id the connector gave it (what a later update needs). */
  async send(reference: StoredReference, activity: Partial<Activity>): Promise<string> {
    const response = await this.within(reference, (context) => {
      // The continuation event has a made-up id, which sendActivity would turn into a
      // replyToId (TurnContext.applyConversationReference): a reply to a message that
      // does not exist. Without it the message is posted as a new one.
      context.activity.id = undefined;
      return context.sendActivity(activity);
    });
    if (!response?.id) throw new Error('the Teams connector returned no activity id');
    return response.id;
  }

  /** Replaces a message the bot posted earlier. */
  async update(reference: StoredReference, activityId: string, activity: Partial<Activity>): Promise<void> {
    await this.within(reference, (context) => context.updateActivity({ ...activity, id: activityId }));
  }

  /**
   * Opens (or finds: Teams answers with the existing one) the personal chat with the
   * user of a team or group-chat reference. https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages#create-the-conversation
   */
  async openPersonalChat(seed: StoredReference): Promise<StoredReference> {
    const tenantId = seed.conversation.tenantId;
    const parameters = {
      isGroup: false,
      bot: { id: seed.bot.id, name: seed.bot.name ?? '' },
      members: [{ id: seed.user.id, name: seed.user.name ?? '' }],
      tenantId,
      channelData: tenantId ? { tenant: { id: tenantId } } : {},
    } satisfies ConversationParameters;
    const id = await capture<string>(
      // No audience: the connector factory then uses the configured cloud's scope (connectorFactoryImpl.js).
      (logic) =>
        this.adapter.createConversationAsync(
          this.botAppId,
          seed.channelId,
          seed.serviceUrl,
          undefined as unknown as string,
          parameters,
          logic,
        ),
      async (context) => context.activity.conversation.id,
    );
    return { ...seed, conversation: { id, conversationType: 'personal', tenantId } };
  }

  /** One proactive turn, tried again while Teams answers 429, 412, 502 or 504 (connector-retry.ts). */
  private within<T>(reference: StoredReference, work: (context: TurnContext) => Promise<T>): Promise<T> {
    return withConnectorRetry(() =>
      capture((logic) => this.adapter.continueConversationAsync(this.botAppId, toConversationReference(reference), logic), work),
    );
  }
}

/**
 * Runs `work` in a proactive turn and hands back its result or its error. Without this
 * an error would vanish: BotAdapter.runMiddleware gives it to onTurnError, which only
 * logs (botbuilder-core/lib/botAdapter.js), and the core would believe the send worked.
 */
async function capture<T>(start: (logic: Logic) => Promise<void>, work: (context: TurnContext) => Promise<T>): Promise<T> {
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  await start(async (context) => {
    try {
      outcome = { ok: true, value: await work(context) };
    } catch (error) {
      outcome = { ok: false, error };
    }
  });
  if (!outcome) throw new Error('the proactive turn did not run');
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
