/**
 * The order workflow's use cases as adapters call them: inputs and results. Each use
 * case lives in its own file (place-order.ts, act-on-activity.ts, ...); this file is the
 * contract the Slack, Teams, email and API adapters are written against.
 */
import type { OrderableName, ProductType } from '../catalog/catalog';
import type { Actor } from '../directory/actor';
import type { Activity, ActivityAction, ChangeKind, DomainRules, OrderOrigin, WorkOrder } from './model/work-order';
import type { OrderSearch } from '../ports/work-order-repository.port';
import type { ProductNote, Subscriber, SubscriberProduct, SubscriberRecord } from '../subscribers/subscriber';

/** `order` in chat, POST /api/work-orders. Attributes per product type of the orderable. */
export interface PlaceWorkOrderInput {
  actor: Actor;
  origin: OrderOrigin;
  subscriberLogin: string;
  orderable: OrderableName;
  attributes?: Partial<Record<ProductType, Record<string, string>>>;
  /** The existing product the first item hangs on (a Line's Phone, a Voicemail's Line); found by the core when omitted and unambiguous. */
  parentProductId?: string;
  requestedDeliveryDate?: string;
}

export interface ChangeProductInput {
  actor: Actor;
  origin: OrderOrigin;
  productId: string;
  changeKind: ChangeKind;
  attributes?: Record<string, string>;
  /** Change Owner only. */
  newOwnerLogin?: string;
}

/** `cancel <productId>`: a Cancel order for the product and its cascade (Table 10-5). */
export interface CancelProductInput {
  actor: Actor;
  origin: OrderOrigin;
  productId: string;
}

/** What placing, changing or cancelling returns: the order and the activities it opened (if any). */
export interface PlacedWorkOrder {
  order: WorkOrder;
  activities: Activity[];
}

/** An activity as one user sees it: what they may do with it now. */
export interface ActivityView {
  activity: Activity;
  order: WorkOrder;
  subscriber: Subscriber | null;
  /** Empty when the user may only look (not theirs, or already decided). */
  allowed: ActivityAction['kind'][];
  /** The directory's name of the person it is assigned to; null for a group or someone not in the directory. */
  assigneeName?: string | null;
}

export interface ActOnActivityInput {
  actor: Actor;
  activityId: string;
  action: ActivityAction;
  /** The order version the card or link was built from; a different current version is STALE. */
  expectedOrderVersion?: number;
}

export interface ActivityActed {
  activity: Activity;
  order: WorkOrder;
  /** Activities the step opened (the next one in the workflow, or a delegated copy). */
  opened: Activity[];
  /** The name of the person the step is now with, when it is with a person in the directory (a delegate's confirmation names them). */
  assigneeName?: string | null;
}

export interface WorkOrderDetails {
  order: WorkOrder;
  activities: Activity[];
  subscriber: Subscriber | null;
  /** The directory's name of each person an activity is assigned to, by the email the activity holds (use-case-parts/assignee-names.ts). */
  assigneeNames: Record<string, string>;
}

export type SearchWorkOrdersInput = { actor: Actor; criteria: Omit<OrderSearch, 'domains'>; limit?: number };
export type GetSubscriberRecordInput = { actor: Actor; login: string };
export type AddProductNoteInput = { actor: Actor; productId: string; text: string };
export type DomainRulesInput = { actor: Actor; domain: string };
/** `rules set <domain> <Rule> <value>`: a partial update, validated whole. */
export type SetDomainRulesInput = { actor: Actor; domain: string; changes: Partial<Omit<DomainRules, 'domain'>> };
export type WorkOrderActionInput = { actor: Actor; orderNumber: string };
export type RegisterSubscriberInput = { actor: Actor; subscriber: unknown };

export type { ProductNote, Subscriber, SubscriberProduct, SubscriberRecord };
