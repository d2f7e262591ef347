import type { Activity, WorkOrderDetails } from '../../core/index';
import { subscriberLabel } from './labels';
import type { Field, View, ViewSection } from './view';
import { formatInstant } from './view';
import {
  activityStatusText,
  type AssigneeNames,
  assigneeNameIn,
  assigneeText,
  authorText,
  describeOrder,
  failureParagraphs,
  itemSection,
  orderTone,
  progressSentence,
  stateText,
} from './work-order-text';

export interface WorkOrderViewOptions {
  /** "/prov " in Slack, empty in Teams: how advice quotes a command. */
  prefix?: string;
  /** After `retry` or `abort`, the title says so. */
  after?: 'retried' | 'aborted';
}

/**
 * `status <WO-number>`, `retry` and `abort`: the work order with its state, extended
 * status ("Work Order States"), items, every activity and, when it failed, what to do.
 */
export function presentWorkOrder(details: WorkOrderDetails, options: WorkOrderViewOptions = {}): View {
  const { order, activities, subscriber, assigneeNames } = details;
  const prefix = options.prefix ?? '';
  return {
    title: options.after ? `Work order ${order.number} ${options.after}: ${stateText(order)}` : `Work order ${order.number}`,
    tone: orderTone(order),
    paragraphs: [
      `${describeOrder(order, subscriber)}.`,
      ...[progressSentence(order, activities, assigneeNames)].filter((s): s is string => s !== null),
      ...failureParagraphs(order, prefix),
    ],
    fields: [
      { label: 'Status', value: stateText(order) },
      { label: 'Kind', value: order.changeKind ? `${order.kind} (${order.changeKind})` : order.kind },
      ...(order.orderable ? [{ label: 'Ordered', value: order.orderable }] : []),
      { label: 'Subscriber', value: subscriberLabel(subscriber, order.subscriberLogin) },
      { label: 'Domain', value: order.domain },
      { label: 'Placed by', value: authorText(order) },
      { label: 'Placed', value: formatInstant(order.createdAt) },
      { label: 'Last change', value: formatInstant(order.updatedAt) },
      ...(order.requestedDeliveryDate ? [{ label: 'Requested delivery', value: order.requestedDeliveryDate }] : []),
    ],
    sections: [...order.items.map(itemSection), ...activities.map((a) => activitySection(a, assigneeNames))],
  };
}

function activitySection(a: Activity, names: AssigneeNames): ViewSection {
  const fields: Field[] = [{ label: 'Assigned to', value: assigneeText(a.assignee, a.domain, assigneeNameIn(names, a.assignee)) }];
  if (a.macAddress) fields.push({ label: 'MAC address', value: a.macAddress });
  fields.push({ label: 'Opened', value: formatInstant(a.createdAt) });
  return { heading: `${a.kind}: ${activityStatusText(a)}`, fields, note: a.note ? `Note: ${a.note}` : undefined };
}
