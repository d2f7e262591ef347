import type { AccessRequest, PostedMessage, Requester } from '../access/access-request';
import type { ChatPlatform, DirectoryUser } from '../directory/directory';
import type { Activity, WorkOrder } from '../orders/work-order';
import type { Order } from '../provisioning/provisioning';
import type { Subscriber } from '../subscribers/subscriber';

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
  /**
   * Posts a new activity, with its buttons, to each recipient reachable on this
   * platform (a direct message in Slack, a personal-chat card in Teams). Returns one
   * PostedMessage per copy posted.
   */
  postActivity(input: ActivityMessage & { recipients: DirectoryUser[] }): Promise<PostedMessage[]>;
  /** Replaces a posted copy with the activity's current state ("Approved by ... at ..."). */
  updateActivity(input: ActivityMessage & { message: PostedMessage }): Promise<void>;
}

export interface ActivityMessage {
  activity: Activity;
  order: WorkOrder;
  subscriber: Subscriber | null;
}
