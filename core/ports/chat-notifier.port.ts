import type { PostedMessage } from '../access/access-request';
import type { ChatPlatform } from '../directory/directory';
import type { ChatTo } from '../notifications/delivery';
import type { ChatNotice } from '../notifications/notice';
import type { Activity, WorkOrder } from '../orders/model/work-order';
import type { Subscriber } from '../subscribers/subscriber';

/** One chat platform's outbound side: Slack or Teams. */
export interface ChatNotifier {
  readonly platform: ChatPlatform;
  /**
   * Posts one notice to one destination: a person's direct chat or a registered
   * channel. Returns where it was posted, or null when the destination cannot be
   * reached on this platform (a Teams user the bot has never met). Throws
   * DeliveryRefused for what the platform refused (rate limit, unknown channel), any
   * other error for a failure to try again.
   */
  postNotice(input: { to: ChatTo; notice: ChatNotice; idempotencyKey: string; inDoubt: boolean }): Promise<PostedMessage | null>;
  /** Replaces a posted copy with the notice as it now stands ("Approved by ... at ..."). */
  updateNotice(input: { message: PostedMessage; notice: ChatNotice }): Promise<void>;
}

export interface ActivityMessage {
  activity: Activity;
  order: WorkOrder;
  subscriber: Subscriber | null;
  /** The directory's name of the person it is assigned to; null for a group or someone not in the directory. */
  assigneeName?: string | null;
}
