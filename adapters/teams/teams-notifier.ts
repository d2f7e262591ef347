import type { ChatNotice, ChatNotifier, ChatTo, Clock, Logger, PostedMessage } from '../../core/index';
import { DeliveryRefused, systemClock } from '../../core/index';
import { presentChatNotice } from '../presenters/present-chat-notice';
import { activityCard } from './cards/activity.card';
import { orderSummaryMessage } from './cards/order-summary.card';
import { cardMessage, viewMessage } from './cards/view.card';
import type { StoredReference } from './conversation-reference';
import { isPersonal, parseReference } from './conversation-reference';
import type { TeamsAddressBook } from './teams-address-book';
import type { TeamsAddress } from './teams-address';
import { parseTeamsAddress, toPostedMessage } from './teams-address';
import type { TeamsConversations } from './teams-conversations';
import { refusedByTeams } from './teams-delivery-errors';

/**
 * Items of a digest or alert in one card: each live item carries its container and
 * its buttons (about 1 KB of JSON), so 15 stay well inside the card budget
 * (card-text.ts MAX_CARD_CHARS, below the ~28 KB Teams takes in one activity); a longer
 * digest goes out as several cards, 15 items each.
 */
export const TEAMS_MAX_ITEMS = 15;

/**
 * The core's outbound side in Teams: cards in the personal chat of people the bot has
 * met (it cannot start a chat with someone it has never seen: it needs their
 * conversation reference), and in channels or group chats registered for notices.
 * Notices from the outbox throw DeliveryRefused for what Teams refused
 * (teams-delivery-errors.ts); any other error is the dispatcher's to retry.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
 */
export class TeamsNotifier implements ChatNotifier {
  readonly platform = 'teams' as const;
  constructor(
    private readonly addresses: TeamsAddressBook,
    private readonly conversations: TeamsConversations,
    private readonly log: Logger,
    private readonly clock: Clock = systemClock,
    /** The signed link to a completed setup's order summary PDF (summary-link.ts); absent, the card says where else to get it. */
    private readonly summaryLink: ((customerId: string) => string) | null = null,
  ) {}

  /**
   * A card in a person's personal chat (null when the bot never met them), or in a
   * registered conversation; a digest of more than TEAMS_MAX_ITEMS items as several
   * cards, "part k of n" (a retry after a failure between two cards posts the earlier
   * ones again). `inDoubt` cannot be acted on: a bot has no API to read a
   * conversation's history (Graph's needs permissions provbot does not ask for), so the
   * one case that can still post twice is a send the connector stored while the bot
   * saw a failure with no answer in it (the call timeout, a reset connection, a 502 or
   * 504, including the connector client's own retries of those). Refusals (4xx, 429)
   * never duplicate: nothing was stored.
   */
  async postNotice(input: { to: ChatTo; notice: ChatNotice }): Promise<PostedMessage | null> {
    const reference = await this.referenceFor(input.to);
    if (!reference) return null;
    let first: PostedMessage | null = null;
    for (const message of this.messages(input.notice, reference)) {
      const activityId = await refusedByTeams('the notice', () => this.conversations.send(reference, message));
      first ??= toPostedMessage(reference, activityId);
    }
    return first;
  }

  /** The card as the notice now stands: a decided activity without buttons, a live one with them. */
  async updateNotice(input: { message: PostedMessage; notice: ChatNotice }): Promise<void> {
    const { reference, activityId } = addressOf(input.message);
    await refusedByTeams('the card update', () => this.conversations.update(reference, activityId, this.message(input.notice, reference)));
  }

  private async referenceFor(to: ChatTo): Promise<StoredReference | null> {
    if (to.kind === 'conversation') {
      const reference = parseReference(to.address);
      if (!reference)
        throw new DeliveryRefused(`the Teams conversation "${to.label}" has a malformed reference; register it again`, { permanent: true });
      return reference;
    }
    // Opening the personal chat (on first need) is a connector call: Teams may refuse it too.
    const reference = await refusedByTeams('opening the personal chat', () => this.addresses.personalChat(to.platformUserId));
    if (!reference) this.log.info({ teamsUserId: to.platformUserId }, 'Teams: notice recipient never talked to the bot; no card sent');
    return reference;
  }

  /**
   * An activity card in a personal chat refreshes for its one viewer, who then sees the
   * buttons the core gives them (activity.card.ts). In a channel or group chat it shows
   * an assignee's buttons to everyone, as a Slack message does; the core checks each
   * click. An escalation is not refreshed: the refreshed view would drop its banner.
   */
  private message(notice: ChatNotice, reference: StoredReference) {
    if (notice.kind === 'order-summary') return orderSummaryMessage(notice, this.summaryLink?.(notice.summary.customerId) ?? null);
    const view = this.view(notice, reference);
    if (notice.kind !== 'activity') return viewMessage(view);
    const refreshFor = isPersonal(reference) && notice.escalatedAfterMinutes === null ? [reference.user.id] : [];
    return cardMessage(activityCard(view, notice.activity, refreshFor), view.title);
  }

  /** The notice as cards: one, or a digest's items TEAMS_MAX_ITEMS a card, the footnote and buttons on the last. */
  private messages(notice: ChatNotice, reference: StoredReference) {
    if (notice.kind === 'activity' || notice.kind === 'order-summary') return [this.message(notice, reference)];
    const view = this.view(notice, reference);
    const sections = view.sections ?? [];
    if (sections.length <= TEAMS_MAX_ITEMS) return [viewMessage(view)];
    const n = Math.ceil(sections.length / TEAMS_MAX_ITEMS);
    const { footnote, actions, ...head } = view;
    return Array.from({ length: n }, (_, k) =>
      viewMessage({
        ...head,
        title: `${view.title} (part ${k + 1} of ${n})`,
        paragraphs: k === 0 ? head.paragraphs : [],
        sections: sections.slice(k * TEAMS_MAX_ITEMS, (k + 1) * TEAMS_MAX_ITEMS),
        ...(k === n - 1 && footnote ? { footnote } : {}),
        ...(k === n - 1 && actions ? { actions } : {}),
      }),
    );
  }

  private view(notice: ChatNotice, reference: StoredReference) {
    // Every item of a digest or alert: messages() spreads them over as many cards as needed.
    return presentChatNotice(notice, {
      now: this.clock.now(),
      prefix: '',
      maxItems: Number.POSITIVE_INFINITY,
      audience: isPersonal(reference) ? 'person' : 'channel',
    });
  }
}

/** An address this adapter did not write will never update: refused for good, not retried. */
function addressOf(message: PostedMessage): TeamsAddress {
  try {
    return parseTeamsAddress(message);
  } catch (err) {
    throw new DeliveryRefused(err instanceof Error ? err.message : String(err), { permanent: true });
  }
}
