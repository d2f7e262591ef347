import type { OrderHistory, OrderStatus, ProvisioningTransaction } from '../../core/index';
import { caseHistoryEntry } from './present-support-case';
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

/**
 * Like the seed's Transaction Manager: each update with who, when, how, and its status;
 * the support cases opened on the order among them, newest first.
 */
export function presentOrderHistory(history: OrderHistory): View {
  const entries = [
    ...history.transactions.map((tx) => ({ at: tx.createdAt, section: transactionEntry(tx) })),
    ...history.cases.map((c) => ({ at: c.createdAt, section: caseHistoryEntry(c) })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  const full = history.transactions.length === history.limit || history.cases.length === history.limit;
  return {
    title: `History of order ${history.orderNumber}`,
    tone: 'info',
    paragraphs: entries.length === 0 ? ['No provisioning email updates yet.'] : [],
    sections: entries.map((e) => e.section),
    footnote: full ? `Showing the latest ${history.limit}.` : undefined,
  };
}

function transactionEntry(tx: ProvisioningTransaction): ViewSection {
  return {
    heading: `${formatInstant(tx.createdAt)} · ${KIND_LABEL[tx.kind]} · line ${tx.lineNumber} · ${tx.status}`,
    fields: [
      { label: 'By', value: tx.channel === 'system' ? tx.actor.name : `${tx.actor.name} ${channelPhrase(tx.channel)}` },
      ...(tx.oldContact ? [{ label: 'Contact', value: `${tx.oldContact} → ${tx.newContact}` }] : [{ label: 'To', value: tx.newContact }]),
      ...(tx.error ? [{ label: 'Error', value: tx.error }] : []),
    ],
  };
}
