import { cardActionActivity, messageActivity, personalChat } from '../../fakes/bot-activities';
import type { TeamsChat, TeamsTestUser } from '../../fakes/bot-activities';
import type { ConnectorCall, RecordingBotConnector } from '../../fakes/recording-bot-connector';
import { cardOf, cardText, clickData, post } from '../teams/teams-e2e-helpers';
import { person } from './workflow-people';
import type { Who } from './workflow-people';

/** A card the bot posted into someone's personal chat: the connector call (its reply id is the message id) and the card. */
export interface PostedCard {
  posted: ConnectorCall;
  card: any;
}

export type TeamsDriver = ReturnType<typeof teamsDriver>;

/**
 * Teams as a user drives it against the running bot: activities posted to
 * /api/messages with their serviceUrl at the recording connector, which records what
 * the bot sends back (new cards, card updates).
 */
export function teamsDriver(botUrl: string, connector: RecordingBotConnector) {
  const endpoint = `${botUrl}/api/messages`;
  const userOf = (who: Who): TeamsTestUser => {
    const user = person(who).teams;
    if (!user) throw new Error(`${who} is not on Teams`);
    return user;
  };
  const chatOf = (who: Who): TeamsChat => personalChat(connector.url, userOf(who));
  /** New messages (not replies, not updates) the bot posted to `who`'s personal chat. */
  const postsTo = (who: Who) =>
    connector.calls.filter((c) => c.method === 'POST' && c.conversationId === chatOf(who).conversationId && c.activityId === null);

  const d = {
    connector,
    chatOf,
    /** A message from `who` in their personal chat; CloudAdapter answers after the turn, so the reply is already recorded. */
    async say(who: Who, text: string): Promise<void> {
      const res = await post(endpoint, messageActivity(chatOf(who), userOf(who), text));
      if (res.status !== 200) throw new Error(`"${text}" from ${who}: HTTP ${res.status}`);
    },
    /** Activity cards posted to `who` whose text starts with `<kind> needed: <number>`. */
    cardsTo: (who: Who, number: string, kind: string): PostedCard[] =>
      postsTo(who)
        .filter((c) => c.body?.attachments?.[0] && cardText(cardOf(c)).startsWith(`${kind} needed: ${number}`))
        .map((posted) => ({ posted, card: cardOf(posted) })),
    /** Waits for the activity card of order `number` in `who`'s personal chat. */
    async cardTo(who: Who, number: string, kind: string): Promise<PostedCard> {
      const posted = await connector.waitFor(
        (c) =>
          c.method === 'POST' &&
          c.conversationId === chatOf(who).conversationId &&
          c.activityId === null &&
          !!c.body?.attachments?.[0] &&
          cardText(cardOf(c)).startsWith(`${kind} needed: ${number}`),
        5000,
      );
      return { posted, card: cardOf(posted) };
    },
    /** Clicks the Action.Execute button `verb` of a posted card as `who`; the invoke's HTTP status and body (the card they now see). */
    press(who: Who, posted: PostedCard, verb: string, typed: Record<string, string> = {}) {
      const activity = cardActionActivity(chatOf(who), userOf(who), {
        verb,
        data: clickData(posted.card, verb, typed),
        replyToId: posted.posted.reply.id,
      });
      return post(endpoint, activity);
    },
    /** Every PUT of the posted card's message (its updates in place), oldest first. */
    updatesOf: (p: PostedCard): ConnectorCall[] =>
      connector.calls.filter(
        (c) => c.method === 'PUT' && c.conversationId === p.posted.conversationId && c.activityId === p.posted.reply.id && c.status === 200,
      ),
    /** Waits until the posted card has been updated at least once; its updates. */
    async updated(p: PostedCard): Promise<ConnectorCall[]> {
      await connector.waitFor((c) => d.updatesOf(p).includes(c), 5000);
      return d.updatesOf(p);
    },
  };
  return d;
}
