import type { Activity, OrderItem, Subscriber, WorkOrder } from '../../../core/index';
import { attributeLabel, subscriberLabel } from '../../presenters/labels';
import { formatInstant } from './describe-request';

/** Wording about work orders shared by the activity and outcome emails and the link pages. */

/** "Jane Doe (jdoe)", or the login alone when the subscriber record was not found: named as on every card. */
export const describeSubscriber = subscriberLabel;

/** "Add Enhanced Phone Service", "Change Owner of Phone to jsmith", "Cancel Phone". */
export function describeWorkOrder(order: WorkOrder): string {
  const first = order.items[0]?.type ?? 'product';
  switch (order.kind) {
    case 'Add':
      return `Add ${order.orderable ?? first}`;
    case 'Cancel':
      return `Cancel ${order.orderable ?? first}`;
    case 'Change':
      if (order.changeKind === 'Change Owner') return `Change Owner of ${first}${order.newOwnerLogin ? ` to ${order.newOwnerLogin}` : ''}`;
      if (order.changeKind === 'Replace') return `Replace ${first}`;
      return `Change settings of ${first}`;
  }
}

/** "Released (Being Provisioned)"; Cancelled is the seed's "Cancel" status of a rejected order. */
export function describeState(order: WorkOrder): string {
  return order.extendedStatus ? `${order.state} (${order.extendedStatus})` : order.state;
}

/** "Phone: Device name SEP001122334455, Phone type 7945", "Line (product prod-7)". */
export function describeItem(item: OrderItem): string {
  const attributes = Object.entries(item.attributes)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${attributeLabel(key)} ${value}`);
  if (attributes.length > 0) return `${item.type}: ${attributes.join(', ')}`;
  return item.productId ? `${item.type} (product ${item.productId})` : item.type;
}

/** The order summary shown in every email and link page about it. */
export function orderRows(order: WorkOrder, subscriber: Subscriber | null): [string, string][] {
  const rows: [string, string][] = [
    ['Order number', order.number],
    ['Order', describeWorkOrder(order)],
    ['Subscriber', describeSubscriber(subscriber, order.subscriberLogin)],
    ['Domain', order.domain],
    ['Placed by', order.author.email ? `${order.author.name} (${order.author.email})` : order.author.name],
    ['Placed at', formatInstant(order.createdAt)],
  ];
  if (order.requestedDeliveryDate) rows.push(['Requested delivery date', order.requestedDeliveryDate]);
  rows.push(['Status', describeState(order)]);
  return rows;
}

/** Done, Rejected and Withdrawn activities are over: links and buttons no longer act on them. */
export const isActivityClosed = (activity: Activity): boolean =>
  activity.status === 'Done' || activity.status === 'Rejected' || activity.status === 'Withdrawn';

/**
 * "Approved by Carol Approver at 2026-11-23 10:05 UTC", "Rejected by ...", or, for a
 * step that ended without a decision, what became of it.
 */
export function describeDecision(activity: Activity): string {
  const verb = activity.kind === 'Approval' ? { Done: 'Approved', Rejected: 'Rejected' } : { Done: 'Completed', Rejected: 'Rejected' };
  if (activity.status === 'Withdrawn') return 'No longer needed: the order ended before this step was decided';
  if (activity.status !== 'Done' && activity.status !== 'Rejected') return `Not decided yet (${activity.status})`;
  const by = activity.decidedBy ? ` by ${activity.decidedBy.name}` : '';
  const at = activity.decidedAt ? ` at ${formatInstant(activity.decidedAt)}` : '';
  return `${verb[activity.status]}${by}${at}`;
}
