import type { AccessRequest, PostedMessage, Requester } from '../access/access-request';
import type { ChatPlatform, DirectoryUser } from '../directory/directory';
import type { Order } from '../provisioning/provisioning';

/** One chat platform's outbound side: Slack or Teams. */
export interface ChatNotifier {
  readonly platform: ChatPlatform;
  /**
   * Posts the actionable request to the placer in a direct/personal chat.
   * Returns null when the placer cannot be reached on this platform.
   */
  sendAccessRequest(input: { request: AccessRequest; order: Order; approver: DirectoryUser | null }): Promise<PostedMessage | null>;
  /** Replaces a posted request with its decided state, so nobody can click it twice. */
  updateAccessRequest(input: { request: AccessRequest; message: PostedMessage }): Promise<void>;
  /** Tells the requester how their request was decided; false when unreachable here. */
  notifyRequester(input: { request: AccessRequest; requester: Requester }): Promise<boolean>;
}
