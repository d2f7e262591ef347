import type {
  Activity,
  ActivityKind,
  ActivityStatus,
  Assignee,
  ChangeKind,
  ExtendedStatus,
  OrderableName,
  OrderKind,
  OrderOrigin,
  PostedMessage,
  SystemEvent,
  WorkOrder,
  WorkOrderState,
} from '../../core/index';
import type {
  Prisma,
  Activity as ActivityRow,
  ActivityPostedMessage as MessageRow,
  WorkOrder as WorkOrderRow,
} from '../../prisma/generated/sqlite/client';
import { fromJsonText, toJsonText } from './json-column';
import { normalizeEmail } from './user.mapper';

// Only this adapter writes the text columns cast below, always from the core's union types.

const orNull = <T>(text: string | null): T | null => (text === null ? null : fromJsonText<T>(text));
const jsonOrNull = (value: unknown): string | null => (value === null ? null : toJsonText(value));

/** Lowercased copies for case-insensitive substring search on both providers. */
export const searchText = (text: string) => text.trim().toLowerCase();

export function toWorkOrder(row: WorkOrderRow): WorkOrder {
  return {
    number: row.number,
    kind: row.kind as OrderKind,
    changeKind: row.changeKind as ChangeKind | null,
    orderable: row.orderable as OrderableName | null,
    domain: row.domain,
    subscriberLogin: row.subscriberLogin,
    newOwnerLogin: row.newOwnerLogin,
    author: fromJsonText<WorkOrder['author']>(row.author),
    origin: row.origin as OrderOrigin,
    items: fromJsonText<WorkOrder['items']>(row.items),
    state: row.state as WorkOrderState,
    extendedStatus: row.extendedStatus as ExtendedStatus | null,
    failure: orNull<NonNullable<WorkOrder['failure']>>(row.failure),
    requestedDeliveryDate: row.requestedDeliveryDate,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/** Every column of the order but its number, which never changes. */
export function toWorkOrderData(order: WorkOrder): Omit<Prisma.WorkOrderUncheckedCreateInput, 'number'> {
  return {
    kind: order.kind,
    changeKind: order.changeKind,
    orderable: order.orderable,
    domain: order.domain,
    subscriberLogin: order.subscriberLogin,
    newOwnerLogin: order.newOwnerLogin,
    author: toJsonText(order.author),
    authorNameSearch: searchText(order.author.name),
    authorEmailSearch: order.author.email === null ? null : searchText(order.author.email),
    origin: order.origin,
    items: toJsonText(order.items),
    state: order.state,
    extendedStatus: order.extendedStatus,
    failure: jsonOrNull(order.failure),
    requestedDeliveryDate: order.requestedDeliveryDate,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    version: order.version,
  };
}

export function toActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    orderNumber: row.orderNumber,
    domain: row.domain,
    kind: row.kind as ActivityKind,
    assignee: fromJsonText<Assignee>(row.assignee),
    status: row.status as ActivityStatus,
    acceptedBy: orNull<NonNullable<Activity['acceptedBy']>>(row.acceptedBy),
    decidedBy: orNull<NonNullable<Activity['decidedBy']>>(row.decidedBy),
    decidedAt: row.decidedAt,
    macAddress: row.macAddress,
    note: row.note,
    createdAt: row.createdAt,
    version: row.version,
  };
}

/** Every column of the activity but its id; the assignee also in the two searchable columns. */
export function toActivityData(activity: Activity): Omit<Prisma.ActivityUncheckedCreateInput, 'id'> {
  const { assignee } = activity;
  return {
    orderNumber: activity.orderNumber,
    domain: activity.domain,
    kind: activity.kind,
    assignee: toJsonText(assignee),
    assigneeEmail: assignee.kind === 'user' ? normalizeEmail(assignee.email) : null,
    assigneeRole: assignee.kind === 'group' ? assignee.role : null,
    status: activity.status,
    acceptedBy: jsonOrNull(activity.acceptedBy),
    decidedBy: jsonOrNull(activity.decidedBy),
    decidedAt: activity.decidedAt,
    macAddress: activity.macAddress,
    note: activity.note,
    createdAt: activity.createdAt,
    version: activity.version,
  };
}

export function toPostedMessage(row: MessageRow): PostedMessage {
  return { platform: row.platform as PostedMessage['platform'], address: row.address };
}

export function toSystemEventCreate(event: SystemEvent): Prisma.SystemEventCreateManyInput {
  return {
    type: event.type,
    domain: event.domain,
    orderNumber: event.orderNumber,
    occurredAt: event.occurredAt,
    detail: toJsonText(event.detail),
  };
}
