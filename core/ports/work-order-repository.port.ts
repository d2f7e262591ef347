import type { PostedMessage } from '../access/access-request';
import type { DirectoryUser } from '../directory/directory';
import type { Activity, ExtendedStatus, OrderKind, WorkOrder, WorkOrderState } from '../orders/model/work-order';
import type { SubscriberProduct } from '../subscribers/subscriber';
import type { OutboxWrites } from '../notifications/delivery';
import type { SystemEvent } from './system-event.port';

/**
 * One step of the workflow, written all or nothing. Every `expectedVersion` must still
 * match (null: the row is new), else nothing is written and commit returns false: the
 * first decision wins, whichever channel it came from.
 */
export interface WorkflowChange {
  order: { expectedVersion: number | null; next: WorkOrder };
  activities: { expectedVersion: number | null; next: Activity }[];
  /** Products the backend provisioned (put) or deprovisioned (remove), and open-order marks. */
  products?: {
    put: SubscriberProduct[];
    remove: string[];
    /**
     * Products this step marks with its order: each must still have no order running
     * against it when the step is written, else nothing is written (two orders placed
     * at once against one product: the first wins).
     */
    expectUnmarked?: string[];
  };
  /** Raised by this step (an order failure), stored with it. */
  events?: SystemEvent[];
  /** The notices the step causes (the outbox), written with it. */
  notices?: StepNotices;
}

export interface StepNotices extends OutboxWrites {
  /** Activities someone acted on: their pending escalations are deleted. */
  cancelEscalationsFor: string[];
}

export interface OrderSearch {
  orderNumber?: string;
  /** Author name or email, substring, case-insensitive. */
  author?: string;
  state?: WorkOrderState;
  extendedStatus?: ExtendedStatus;
  kind?: OrderKind;
  subscriberLogin?: string;
  /** Subscriber first or last name, substring. */
  subscriberName?: string;
  subscriberPhone?: string;
  subscriberEmail?: string;
  department?: string;
  /** One domain asked for by the searcher (within `domains`). */
  domain?: string;
  /** Always set by the core to the domains the searcher may see (null: every domain). */
  domains: string[] | null;
  /** YYYY-MM-DD, the day the order was created (UTC). */
  orderDate?: string;
  requestedDeliveryDate?: string;
}

export interface WorkOrderRepository {
  /** Orders are numbered by the system: WO-000001, WO-000002, ... */
  nextOrderNumber(): Promise<string>;
  commit(change: WorkflowChange): Promise<boolean>;
  findByNumber(orderNumber: string): Promise<WorkOrder | null>;
  /** Oldest first. */
  listActivities(orderNumber: string): Promise<Activity[]>;
  findActivity(activityId: string): Promise<Activity | null>;
  /**
   * Open or Accepted activities the user may act on: assigned to their email, or to a
   * group whose role they hold in the activity's domain. Oldest first.
   */
  listActivitiesFor(user: DirectoryUser, limit: number): Promise<Activity[]>;
  search(criteria: OrderSearch, limit: number): Promise<WorkOrder[]>;
  /** Where a copy of an activity was posted in chat, to update in place. */
  addPostedMessage(activityId: string, message: PostedMessage): Promise<void>;
  listPostedMessages(activityId: string): Promise<PostedMessage[]>;
}
