import type { OrderableName, ProductType } from '../../catalog/catalog';
import type { Role } from '../../directory/directory';
import type { Channel } from '../../provisioning/provisioning';

/**
 * Work orders and their activities, from prime-provisioning-managing-orders:
 * "Work Order States", "Processing Orders", "Approving Orders", "Shipping Phones",
 * "Receiving Phones".
 */
export type OrderKind = 'Add' | 'Change' | 'Cancel';
/** Change orders: settings, "Replacing Existing Phones", "Changing Owners of Phones". */
export type ChangeKind = 'Settings' | 'Replace' | 'Change Owner';

/**
 * "Initial, Released, Completed, Hold". Cancelled is the seed's "If an order is
 * rejected, the order status is set to Cancel in the subscriber record".
 */
export type WorkOrderState = 'Initial' | 'Released' | 'Completed' | 'Hold' | 'Cancelled';
export type ExtendedStatus =
  | 'Being Provisioned'
  | 'Waiting for Approval'
  | 'Waiting for Assignment'
  | 'Waiting for Shipping'
  | 'Waiting for Receiving'
  | 'Recoverable Error'
  | 'Unrecoverable Error';

/** Where an order came from decides what a failure does ("Work Order States"). */
export type OrderOrigin = 'chat' | 'api' | 'batch';

export interface OrderItem {
  /** Position in the order, from 1. */
  itemNumber: number;
  type: ProductType;
  /** Add: the new product's attributes. Change: the attributes to set. Cancel: none. */
  attributes: Record<string, string>;
  /** Change and Cancel: the product ordered against. Add: null until provisioned. */
  productId: string | null;
  /** Add: the item (in this order) or existing product this one hangs on. */
  parentItemNumber: number | null;
  parentProductId: string | null;
}

export interface WorkOrder {
  number: string;
  kind: OrderKind;
  changeKind: ChangeKind | null;
  /** What was ordered, as the user named it (a bundle or a single product). */
  orderable: OrderableName | null;
  domain: string;
  /** The subscriber for whom the order was placed. */
  subscriberLogin: string;
  /** Change Owner: the new owner. */
  newOwnerLogin: string | null;
  author: { name: string; email: string | null; channel: Channel };
  origin: OrderOrigin;
  items: OrderItem[];
  state: WorkOrderState;
  extendedStatus: ExtendedStatus | null;
  /** Why the order failed, when it did. */
  failure: { productType: ProductType; kind: 'recoverable' | 'unrecoverable'; message: string } | null;
  requestedDeliveryDate: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Bumped by every change; a card built from an older version is stale. */
  version: number;
}

export type ActivityKind = 'Approval' | 'Assignment' | 'Shipping' | 'Receiving';
export const ACTIVITY_ROLE: Record<ActivityKind, Role> = {
  Approval: 'Approval',
  Assignment: 'Assignment',
  Shipping: 'Shipping',
  Receiving: 'Receiving',
};

/** "Each is assigned to a user or a group by the rules." A group is a role in the order's domain. */
export type Assignee = { kind: 'user'; email: string } | { kind: 'group'; role: Role };

/**
 * Open: waiting for its assignee. Accepted: an assignee took it ("Click Accept").
 * Done: approved / step completed. Rejected: an approval was rejected.
 * Withdrawn: the order ended another way (rejected, cancelled) before this step.
 */
export type ActivityStatus = 'Open' | 'Accepted' | 'Done' | 'Rejected' | 'Withdrawn';

export interface Activity {
  id: string;
  orderNumber: string;
  domain: string;
  kind: ActivityKind;
  assignee: Assignee;
  status: ActivityStatus;
  acceptedBy: { name: string; email: string | null } | null;
  decidedBy: { name: string; email: string | null; channel: Channel } | null;
  decidedAt: Date | null;
  /** Assignment: the MAC address entered. */
  macAddress: string | null;
  note: string | null;
  createdAt: Date;
  version: number;
}

/** What an assignee can do with an activity; the same dotted ids name the buttons. */
export type ActivityAction =
  | { kind: 'accept' }
  | { kind: 'approve'; note?: string }
  | { kind: 'reject'; note?: string }
  | { kind: 'complete'; macAddress?: string; note?: string }
  | { kind: 'decline'; note?: string }
  | { kind: 'delegate'; to: Assignee };

/**
 * Business rules per domain ("Processing Orders"; Business Rules, page 11-2).
 * A `...DoneBy` rule of null skips the step.
 */
export interface DomainRules {
  domain: string;
  isAuthorizationRequiredForAddOrder: boolean;
  isAuthorizationRequiredForChangeOrder: boolean;
  isAuthorizationRequiredForCancelOrder: boolean;
  phoneAssignmentDoneBy: Assignee | null;
  phoneShippingDoneBy: Assignee | null;
  phoneReceiptDoneBy: Assignee | null;
  /**
   * Four eyes: may the person who placed an order approve it while someone else in the
   * domain holds the Approval role? Not unless the domain allows it; alone, they may.
   */
  allowAuthorToApprove: boolean;
}

export const DEFAULT_RULES = (domain: string): DomainRules => ({
  domain,
  isAuthorizationRequiredForAddOrder: true,
  isAuthorizationRequiredForChangeOrder: false,
  isAuthorizationRequiredForCancelOrder: false,
  phoneAssignmentDoneBy: { kind: 'group', role: 'Assignment' },
  phoneShippingDoneBy: null,
  phoneReceiptDoneBy: null,
  allowAuthorToApprove: false,
});
