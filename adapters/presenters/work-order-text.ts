import type { Activity, Assignee, OrderItem, Subscriber, WorkOrder } from '../../core/index';
import { attributeLabel, channelPhrase, personLabel } from './labels';
import type { Field, Tone, ViewSection } from './view';
import { formatInstant } from './view';

/** The phrases every work-order view shares, so a list, a card and a reply say the same thing. */

export const subscriberName = (s: Subscriber): string => `${s.firstName} ${s.lastName}`.trim() || s.login;

/** "Add Enhanced Phone Service for Jane Doe", "Replace Phone for jdoe", "Cancel Phone and 3 associated products for jdoe". */
export function describeOrder(order: WorkOrder, subscriber: Subscriber | null = null): string {
  const who = subscriber ? subscriberName(subscriber) : order.subscriberLogin;
  const first = order.items[0]?.type ?? 'products';
  const what = order.orderable ?? first;
  if (order.kind === 'Add') return `Add ${what} for ${who}`;
  if (order.kind === 'Cancel') {
    // Table 10-5: "When you cancel a product, all products associated with it are also canceled."
    const more = order.items.length - 1;
    return `Cancel ${first}${more > 0 ? ` and ${more} associated product${more === 1 ? '' : 's'}` : ''} for ${who}`;
  }
  if (order.changeKind === 'Replace') return `Replace ${first} for ${who}`;
  if (order.changeKind === 'Change Owner') return `Change owner of ${first} from ${who} to ${order.newOwnerLogin ?? 'another subscriber'}`;
  return `Change ${first} settings for ${who}`;
}

/** "Released · Waiting for Approval" */
export const stateText = (order: WorkOrder): string => (order.extendedStatus ? `${order.state} · ${order.extendedStatus}` : order.state);

export function orderTone(order: WorkOrder): Tone {
  if (order.state === 'Hold' || order.extendedStatus === 'Unrecoverable Error') return 'error';
  if (order.extendedStatus === 'Recoverable Error' || order.state === 'Cancelled') return 'warning';
  return order.state === 'Completed' ? 'success' : 'info';
}

/** The directory's names of assignees, by the email an activity holds (the core's WorkOrderDetails.assigneeNames). */
export type AssigneeNames = Readonly<Record<string, string>>;

/** "the Approval group in acme.example" (anyone holding that role there), or the person by name: "Abe Approver (abe@acme.example)". */
export const assigneeText = (assignee: Assignee, domain: string, name?: string | null): string =>
  assignee.kind === 'group' ? `the ${assignee.role} group in ${domain}` : personLabel(name, assignee.email);

/** The name the directory gives an activity's assignee, when it is a person it knows. */
export const assigneeNameIn = (names: AssigneeNames, assignee: Assignee): string | null =>
  assignee.kind === 'user' ? (names[assignee.email] ?? null) : null;

export const isLive = (a: Activity): boolean => a.status === 'Open' || a.status === 'Accepted';

/** "open", "accepted by Bob", "approved by Alice at ...", "rejected by ...", "completed by ...", "withdrawn". */
export function activityStatusText(a: Activity): string {
  const by = a.decidedBy ? ` by ${a.decidedBy.name}${a.decidedAt ? ` at ${formatInstant(a.decidedAt)}` : ''}` : '';
  switch (a.status) {
    case 'Open':
      return 'open';
    case 'Accepted':
      return `accepted by ${a.acceptedBy?.name ?? 'someone'}`;
    case 'Done':
      return `${a.kind === 'Approval' ? 'approved' : 'completed'}${by}`;
    case 'Rejected':
      return `rejected${by}`;
    case 'Withdrawn':
      return 'withdrawn: the order ended before this step';
  }
}

/** "approval by the Approval group in acme.example (accepted by Bob)" */
export function waitingText(a: Activity, names: AssigneeNames = {}): string {
  const accepted = a.status === 'Accepted' && a.acceptedBy ? ` (accepted by ${a.acceptedBy.name})` : '';
  return `${a.kind.toLowerCase()} by ${assigneeText(a.assignee, a.domain, assigneeNameIn(names, a.assignee))}${accepted}`;
}

/** What the order is doing now, in a sentence. */
export function progressSentence(order: WorkOrder, activities: Activity[], names: AssigneeNames = {}): string | null {
  const live = activities.find(isLive);
  if (order.state === 'Released' && live) return `It is waiting for ${waitingText(live, names)}.`;
  if (order.extendedStatus === 'Being Provisioned') return 'It is being provisioned.';
  if (order.state === 'Completed') return `It is completed: the products are in ${order.subscriberLogin}'s subscriber record.`;
  // "If an order is rejected, the order status is set to Cancel ... and no provisioning is performed."
  if (order.state === 'Cancelled') return 'It was rejected and is cancelled: nothing is provisioned.';
  if (order.state === 'Initial') return 'It has not started yet.';
  return null;
}

/**
 * "Provisioning user interface remains in the Released state, waiting for you to take
 * action on the order" (Work Order States): say what failed and the two ways out.
 */
export function failureParagraphs(order: WorkOrder, prefix: string): string[] {
  if (!order.failure) return [];
  const { productType, kind, message } = order.failure;
  const what = `Provisioning the ${productType} failed with ${kind === 'recoverable' ? 'a recoverable' : 'an unrecoverable'} error: ${message}`;
  if (order.state === 'Hold') return [what, `The order is on Hold; nothing more will be done with it.`];
  if (order.state !== 'Released') return [what];
  return [what, `Type "${prefix}retry ${order.number}" to try again, or "${prefix}abort ${order.number}" to stop here and put it on Hold.`];
}

export function itemSection(item: OrderItem): ViewSection {
  const fields: Field[] = Object.entries(item.attributes).map(([key, value]) => ({ label: attributeLabel(key), value }));
  if (item.productId) fields.push({ label: 'Product id', value: item.productId });
  return { heading: `Item ${item.itemNumber}: ${item.type}`, fields };
}

/** "Phone (7945), Line (Chosen Line, 5001), Voicemail": the items in one line, for cards. */
export const itemsLine = (order: WorkOrder): string =>
  order.items.map((i) => (Object.keys(i.attributes).length ? `${i.type} (${Object.values(i.attributes).join(', ')})` : i.type)).join(', ');

/** "Olivia Orderer <olivia@acme.example> in Slack"; an order from the REST API is said to be from it, not from its client's name. */
export const authorText = (order: WorkOrder): string =>
  order.author.channel === 'api'
    ? 'the REST API'
    : `${order.author.name}${order.author.email ? ` <${order.author.email}>` : ''} ${channelPhrase(order.author.channel)}`;
