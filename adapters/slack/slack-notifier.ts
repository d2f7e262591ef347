import type { webApi } from '@slack/bolt';
import type { AccessRequest, ActivityMessage, ChatNotifier, DirectoryUser, Logger, Order, PostedMessage, Requester } from '../../core/index';
import { silentLogger } from '../../core/index';
import { presentAccessRequestForApprover, presentDecidedAccessRequest, presentDecisionForRequester } from '../presenters/present-access-request';
import { presentActivity } from '../presenters/present-activity';
import { assigneeActions } from '../presenters/assignee-actions';
import { errorSummary } from './bolt-logger';
import type { SlackMessage } from './blocks/view.blocks';
import { renderView } from './blocks/view.blocks';
import { parseSlackAddress, toPostedMessage } from './slack-address';

/**
 * The core's outbound side in Slack. Messages to a person are posted with their
 * user id as the channel: Slack delivers them in the bot's DM with that person
 * (the app's Messages tab) and answers with the DM's channel id, which is what
 * chat.update needs later. https://docs.slack.dev/reference/methods/chat.postMessage#channels
 * Errors propagate: the core logs them per platform and carries on with the others.
 */
export class SlackNotifier implements ChatNotifier {
  readonly platform = 'slack' as const;
  constructor(
    private readonly client: webApi.WebClient,
    private readonly log: Logger = silentLogger,
  ) {}

  async sendAccessRequest(input: { request: AccessRequest; order: Order; approver: DirectoryUser | null }): Promise<PostedMessage | null> {
    const userId = input.approver?.slackUserId;
    if (!userId) return null;
    return this.postToUser(userId, renderView(presentAccessRequestForApprover(input.request, input.order)));
  }

  async updateAccessRequest(input: { request: AccessRequest; message: PostedMessage }): Promise<void> {
    const { channel, ts } = parseSlackAddress(input.message);
    await this.client.chat.update({ channel, ts, ...renderView(presentDecidedAccessRequest(input.request)) });
  }

  async notifyRequester(input: { request: AccessRequest; requester: Requester }): Promise<boolean> {
    const { requester } = input;
    if (requester.channel !== 'slack' || !requester.platformUserId) return false;
    await this.client.chat.postMessage({ channel: requester.platformUserId, ...renderView(presentDecisionForRequester(input.request)) });
    return true;
  }

  /**
   * One DM per recipient who has a Slack user id, each with the buttons an assignee
   * has (the core still decides, per click, who may). One failed DM does not cost the
   * others their copy: the copies posted are returned, so the core can update them
   * later; only when every post fails does this throw.
   */
  async postActivity(input: ActivityMessage & { recipients: DirectoryUser[] }): Promise<PostedMessage[]> {
    const message = renderView(presentActivity({ activity: input.activity, order: input.order, subscriber: input.subscriber, allowed: assigneeActions(input.activity) }));
    const userIds = [...new Set(input.recipients.map((r) => r.slackUserId).filter((id): id is string => !!id))];
    const posted: PostedMessage[] = [];
    let firstError: unknown = null;
    for (const userId of userIds) {
      try {
        posted.push(await this.postToUser(userId, message));
      } catch (err) {
        firstError ??= err;
        this.log.warn({ activityId: input.activity.id, userId, ...errorSummary(err) }, 'slack: activity DM failed');
      }
    }
    if (posted.length === 0 && firstError) throw firstError;
    return posted;
  }

  /** The activity as it stands: decided ones without buttons, an open or accepted one with the assignee's. */
  async updateActivity(input: ActivityMessage & { message: PostedMessage }): Promise<void> {
    const { channel, ts } = parseSlackAddress(input.message);
    const view = presentActivity({ activity: input.activity, order: input.order, subscriber: input.subscriber, allowed: assigneeActions(input.activity) });
    await this.client.chat.update({ channel, ts, ...renderView(view) });
  }

  private async postToUser(userId: string, message: SlackMessage): Promise<PostedMessage> {
    const res = await this.client.chat.postMessage({ channel: userId, ...message });
    if (!res.channel || !res.ts) throw new Error('chat.postMessage answered without channel and ts');
    return toPostedMessage({ channel: res.channel, ts: res.ts });
  }
}
