import type { AccessRequest, ChatNotice, ChatNotifier, ChatTo, Clock, DirectoryUser, Logger, Order, PostedMessage, Requester } from '../../core/index';
import { DeliveryRefused, systemClock } from '../../core/index';
import { presentAccessRequestForApprover, presentDecidedAccessRequest, presentDecisionForRequester } from '../presenters/present-access-request';
import { presentChatNotice } from '../presenters/present-chat-notice';
import { activityCard } from './cards/activity.card';
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
 * (card-text.ts MAX_CARD_CHARS); the renderer drops whole sections past it anyway.
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
  ) {}

  async sendAccessRequest(input: { request: AccessRequest; order: Order; approver: DirectoryUser | null }): Promise<PostedMessage | null> {
    const teamsUserId = input.approver?.teamsUserId;
    if (!teamsUserId) return null;
    const reference = await this.addresses.personalChat(teamsUserId);
    if (!reference) return null;
    const activityId = await this.conversations.send(reference, viewMessage(presentAccessRequestForApprover(input.request, input.order)));
    return toPostedMessage(reference, activityId);
  }

  async updateAccessRequest(input: { request: AccessRequest; message: PostedMessage }): Promise<void> {
    const { reference, activityId } = parseTeamsAddress(input.message);
    await this.conversations.update(reference, activityId, viewMessage(presentDecidedAccessRequest(input.request)));
  }

  async notifyRequester(input: { request: AccessRequest; requester: Requester }): Promise<boolean> {
    if (!input.requester.platformUserId) return false;
    const reference = await this.addresses.personalChat(input.requester.platformUserId);
    if (!reference) return false;
    await this.conversations.send(reference, viewMessage(presentDecisionForRequester(input.request)));
    return true;
  }

  /**
   * A card in a person's personal chat (null when the bot never met them), or in a
   * registered conversation. `inDoubt` cannot be acted on: a bot has no API to read a
   * conversation's history (Graph's needs permissions provbot does not ask for), so the
   * one case that can still post twice is a send the connector stored while the bot
   * saw a failure with no answer in it (the call timeout, a reset connection, a 502 or
   * 504, including the connector client's own retries of those). Refusals (4xx, 429)
   * never duplicate: nothing was stored.
   */
  async postNotice(input: { to: ChatTo; notice: ChatNotice }): Promise<PostedMessage | null> {
    const reference = await this.referenceFor(input.to);
    if (!reference) return null;
    const activityId = await refusedByTeams('the notice', () => this.conversations.send(reference, this.message(input.notice, reference)));
    return toPostedMessage(reference, activityId);
  }

  /** The card as the notice now stands: a decided activity without buttons, a live one with them. */
  async updateNotice(input: { message: PostedMessage; notice: ChatNotice }): Promise<void> {
    const { reference, activityId } = addressOf(input.message);
    await refusedByTeams('the card update', () => this.conversations.update(reference, activityId, this.message(input.notice, reference)));
  }

  private async referenceFor(to: ChatTo): Promise<StoredReference | null> {
    if (to.kind === 'conversation') {
      const reference = parseReference(to.address);
      if (!reference) throw new DeliveryRefused(`the Teams conversation "${to.label}" has a malformed reference; register it again`, { permanent: true });
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
    const personal = isPersonal(reference);
    const view = presentChatNotice(notice, { now: this.clock.now(), prefix: '', maxItems: TEAMS_MAX_ITEMS, audience: personal ? 'person' : 'channel' });
    if (notice.kind !== 'activity') return viewMessage(view);
    const refreshFor = personal && notice.escalatedAfterMinutes === null ? [reference.user.id] : [];
    return cardMessage(activityCard(view, notice.activity, refreshFor), view.title);
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
