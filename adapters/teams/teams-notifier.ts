import type { AccessRequest, ChatNotifier, DirectoryUser, Order, PostedMessage, Requester } from '../../core/index';
import { presentAccessRequestForApprover, presentDecidedAccessRequest, presentDecisionForRequester } from '../presenters/present-access-request';
import { viewMessage } from './cards/view.card';
import type { TeamsAddressBook } from './teams-address-book';
import { parseTeamsAddress, toPostedMessage } from './teams-address';
import type { TeamsConversations } from './teams-conversations';

/**
 * The core's outbound side in Teams: cards in the personal chat of people the bot has
 * met (it cannot start a chat with someone it has never seen: it needs their
 * conversation reference). Errors propagate: the core logs them per platform and
 * carries on with the others.
 */
export class TeamsNotifier implements ChatNotifier {
  readonly platform = 'teams' as const;
  constructor(
    private readonly addresses: TeamsAddressBook,
    private readonly conversations: TeamsConversations,
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
}
