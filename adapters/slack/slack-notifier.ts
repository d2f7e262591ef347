import type { webApi } from '@slack/bolt';
import type { AccessRequest, ChatNotifier, DirectoryUser, Order, PostedMessage, Requester } from '../../core/index';
import { presentAccessRequestForApprover, presentDecidedAccessRequest, presentDecisionForRequester } from '../presenters/present-access-request';
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
  constructor(private readonly client: webApi.WebClient) {}

  async sendAccessRequest(input: { request: AccessRequest; order: Order; approver: DirectoryUser | null }): Promise<PostedMessage | null> {
    const userId = input.approver?.slackUserId;
    if (!userId) return null;
    const res = await this.client.chat.postMessage({ channel: userId, ...renderView(presentAccessRequestForApprover(input.request, input.order)) });
    if (!res.channel || !res.ts) throw new Error('chat.postMessage answered without channel and ts');
    return toPostedMessage({ channel: res.channel, ts: res.ts });
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
}
