import type { AccessRequest, ActivityMessage, ChatNotifier, DirectoryUser, Logger, Order, PostedMessage, Requester } from '../../core/index';
import { presentAccessRequestForApprover, presentDecidedAccessRequest, presentDecisionForRequester } from '../presenters/present-access-request';
import { presentActivity } from '../presenters/present-activity';
import { assigneeActions } from '../presenters/assignee-actions';
import { activityCard } from './cards/activity.card';
import { cardMessage, viewMessage } from './cards/view.card';
import type { StoredReference } from './conversation-reference';
import { errorSummary } from './teams-errors';
import type { TeamsAddressBook } from './teams-address-book';
import { parseTeamsAddress, toPostedMessage } from './teams-address';
import type { TeamsConversations } from './teams-conversations';

/**
 * The core's outbound side in Teams: cards in the personal chat of people the bot has
 * met (it cannot start a chat with someone it has never seen: it needs their
 * conversation reference). Errors propagate: the core logs them per platform and
 * carries on with the others.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
 */
export class TeamsNotifier implements ChatNotifier {
  readonly platform = 'teams' as const;
  constructor(
    private readonly addresses: TeamsAddressBook,
    private readonly conversations: TeamsConversations,
    private readonly log: Logger,
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
   * One personal-chat card per recipient the bot has met (it needs their conversation
   * reference; the others get the email the core also sends, and are logged here).
   * Each card refreshes for its recipient, so they see the buttons the core gives them.
   * One failed post does not cost the others their copy; only when every post fails
   * does this throw, so the core logs it.
   */
  async postActivity(input: ActivityMessage & { recipients: DirectoryUser[] }): Promise<PostedMessage[]> {
    const view = presentActivity({ ...pick(input), allowed: assigneeActions(input.activity) });
    const posted: PostedMessage[] = [];
    let firstError: unknown = null;
    for (const teamsUserId of new Set(input.recipients.map((r) => r.teamsUserId).filter((id): id is string => !!id))) {
      try {
        const reference = await this.addresses.personalChat(teamsUserId);
        if (!reference) {
          this.log.info({ activityId: input.activity.id, teamsUserId }, 'Teams: activity recipient never talked to the bot; no card sent');
          continue;
        }
        const activityId = await this.conversations.send(reference, cardMessage(activityCard(view, input.activity, [reference.user.id]), view.title));
        posted.push(toPostedMessage(reference, activityId));
      } catch (err) {
        firstError ??= err;
        this.log.warn({ activityId: input.activity.id, teamsUserId, ...errorSummary(err) }, 'Teams: activity card not sent');
      }
    }
    const skipped = input.recipients.filter((r) => !r.teamsUserId).map((r) => r.id);
    if (skipped.length) this.log.info({ activityId: input.activity.id, skipped }, 'Teams: activity recipients without a Teams id; no card sent');
    if (posted.length === 0 && firstError) throw firstError;
    return posted;
  }

  /** The card as the activity now stands: decided ones without buttons, a live one refreshed for its recipient. */
  async updateActivity(input: ActivityMessage & { message: PostedMessage }): Promise<void> {
    const { reference, activityId } = parseTeamsAddress(input.message);
    const view = presentActivity({ ...pick(input), allowed: assigneeActions(input.activity) });
    await this.conversations.update(reference, activityId, cardMessage(activityCard(view, input.activity, recipientOf(reference)), view.title));
  }
}

const pick = ({ activity, order, subscriber }: ActivityMessage): ActivityMessage => ({ activity, order, subscriber });
const recipientOf = (reference: StoredReference): string[] => [reference.user.id];
