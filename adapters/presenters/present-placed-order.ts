import type { PlacedWorkOrder } from '../../core/index';
import type { View } from './view';
import { describeOrder, failureParagraphs, itemSection, orderTone, progressSentence, stateText } from './work-order-text';

/**
 * The reply to `order`, `cancel` and a submitted order form: the number to quote, what
 * was ordered, where it stands and whom it waits for (seed, Example Order Procedure:
 * "The order number appears in the View Orders section of the subscriber record").
 */
export function presentPlacedOrder(placed: PlacedWorkOrder, options: { prefix?: string } = {}): View {
  const { order } = placed;
  return {
    title: `Order ${order.number} placed`,
    tone: orderTone(order),
    paragraphs: [
      `${describeOrder(order)}.`,
      ...[progressSentence(order, placed.activities)].filter((s): s is string => s !== null),
      ...failureParagraphs(order, options.prefix ?? ''),
    ],
    fields: [
      { label: 'Order', value: order.number },
      { label: 'Kind', value: order.changeKind ? `${order.kind} (${order.changeKind})` : order.kind },
      { label: 'Subscriber', value: `${order.subscriberLogin} (${order.domain})` },
      { label: 'Status', value: stateText(order) },
      ...(order.requestedDeliveryDate ? [{ label: 'Requested delivery', value: order.requestedDeliveryDate }] : []),
    ],
    sections: order.items.map(itemSection),
    footnote: `"${options.prefix ?? ''}status ${order.number}" shows it with its activities.`,
  };
}
