import type { OrderStatus, ProvisioningTransaction } from '../../core/index';
import { channelPhrase } from './labels';
import type { View, ViewSection } from './view';
import { formatInstant } from './view';

export function presentOrderStatus(status: OrderStatus): View {
  const { order } = status;
  return {
    title: `Order ${order.number}`,
    tone: 'info',
    paragraphs: [],
    fields: [
      { label: 'Subscription', value: order.subscriptionId },
      { label: 'Offer', value: `${order.offer} (${status.windowDays}-day provisioning window)` },
      { label: 'Requested start date', value: order.requestedStartDate },
      { label: 'Placed by', value: `${order.placedBy.name} <${order.placedBy.email}>` },
    ],
    sections: status.lines.map(
      (line): ViewSection => ({
        heading: `Line ${line.lineNumber}: ${line.product}`,
        fields: [
          { label: 'Status', value: line.status },
          { label: 'Provisioning contact', value: line.provisioningContactEmail },
          {
            label: 'Provisioning email',
            value: line.provisioningEmailSentAt
              ? `last sent ${formatInstant(line.provisioningEmailSentAt)}`
              : `goes out on ${order.requestedStartDate}`,
          },
          {
            label: 'Point of no return',
            value: line.pastPonr
              ? `passed ${formatInstant(line.ponrAt!)}${line.organizationId ? ` (organization ${line.organizationId})` : ''}`
              : 'not reached: resend and contact changes allowed',
          },
          ...(line.daysLeft !== null
            ? [{ label: 'Window', value: `${line.daysLeft} day${line.daysLeft === 1 ? '' : 's'} left before billing begins` }]
            : []),
        ],
        // "These orders can be identified by the message indicating that the provisioning is still pending."
        note: line.provisioningStillPending ? 'Closed and billing, but provisioning is still pending.' : undefined,
      }),
    ),
  };
}

const KIND_LABEL: Record<ProvisioningTransaction['kind'], string> = {
  'initial-email': 'Provisioning email',
  resend: 'Resend',
  'contact-change': 'Provisioning email update',
};

/** Like the seed's Transaction Manager: each update with who, when, how, and its status. */
export function presentOrderHistory(history: { orderNumber: string; transactions: ProvisioningTransaction[]; limit: number }): View {
  return {
    title: `History of order ${history.orderNumber}`,
    tone: 'info',
    paragraphs: history.transactions.length === 0 ? ['No provisioning email updates yet.'] : [],
    sections: history.transactions.map((tx) => ({
      heading: `${formatInstant(tx.createdAt)} · ${KIND_LABEL[tx.kind]} · line ${tx.lineNumber} · ${tx.status}`,
      fields: [
        { label: 'By', value: `${tx.actor.name} ${channelPhrase(tx.channel)}` },
        ...(tx.oldContact ? [{ label: 'Contact', value: `${tx.oldContact} → ${tx.newContact}` }] : [{ label: 'To', value: tx.newContact }]),
        ...(tx.error ? [{ label: 'Error', value: tx.error }] : []),
      ],
    })),
    footnote: history.transactions.length === history.limit ? `Showing the latest ${history.limit}.` : undefined,
  };
}
