import type { Order, OrderHistory, SupportCase } from '../../../core/index';
import { SUPPORT_REQUEST_TYPE_NAMES } from '../../../core/index';
import { presentOrderHistory } from '../../presenters/present-order-status';
import { caseFields } from '../../presenters/present-support-case';
import { formatInstant } from './describe-request';
import type { Block, EmailContent } from './email-layout';
import { composeEmail, fields, list, note, paragraph } from './email-layout';

/**
 * The case as support needs it to act without asking back: "Under Type of Request,
 * select Change Provisioning Contact Email" (ccw-change-provisioning-contact) or
 * "Resend Provisioning Email" (ccw-resend-provisioning-email), the order and the lines
 * concerned with their provisioning contact, and the Transaction Manager history ("Go
 * to Change View > Transaction Manager") as provbot's `history` shows it.
 */
export function supportCaseEmail(input: { supportCase: SupportCase; order: Order; history: OrderHistory }): EmailContent {
  const { supportCase: c, order, history } = input;
  const type = SUPPORT_REQUEST_TYPE_NAMES[c.requestType];
  return composeEmail(`${c.number}: ${type}, order ${order.number}`, [
    paragraph(`${c.openedBy.name} opened support case ${c.number} on order ${order.number} at ${formatInstant(c.createdAt)}.`),
    fields(caseFields(c).map((f): [string, string] => [f.label, f.value])),
    paragraph('The order'),
    fields([
      ['Order', order.number],
      ['Subscription', order.subscriptionId],
      ['Offer', order.offer],
      ['Placed by', `${order.placedBy.name} (${order.placedBy.email})`],
      ['Requested start date', order.requestedStartDate],
    ]),
    paragraph('The lines of the case'),
    list(order.lines.filter((l) => c.lineNumbers.includes(l.lineNumber)).map((l) => [lineSummary(l)])),
    paragraph('Transaction Manager history'),
    ...historyBlocks(history),
    note(
      c.openedBy.email.includes('@')
        ? `Reply to ${c.openedBy.name} at ${c.openedBy.email}; the case was opened through provbot.`
        : 'The case was opened through provbot.',
    ),
  ]);
}

function lineSummary(line: Order['lines'][number]): string {
  const ponr = line.ponrAt ? `past the point of no return since ${formatInstant(line.ponrAt)}` : 'before the point of no return';
  return `Line ${line.lineNumber} (${line.product}): ${line.status}; provisioning contact ${line.provisioningContactEmail}; ${ponr}.`;
}

function historyBlocks(history: OrderHistory): Block[] {
  const view = presentOrderHistory(history);
  const items = (view.sections ?? []).map((s) => [[s.heading, ...s.fields.map((f) => `${f.label}: ${f.value}`)].join('; ')]);
  return [items.length ? list(items) : paragraph(...view.paragraphs), ...(view.footnote ? [note(view.footnote)] : [])];
}
