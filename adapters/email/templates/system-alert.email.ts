import type { SystemAlertNotice, SystemEventType, SystemNotice } from '../../../core/index';
import { SYSTEM_EVENT_LABEL } from '../../../core/index';
import { formatInstant } from './describe-request';
import type { EmailContent, Inline } from './email-layout';
import { composeEmail, list, note, paragraph } from './email-layout';

/** What an administrator can do about each kind of system event. */
const ADVICE: Record<SystemEventType, string> = {
  // "Work Order States": a recoverable failure can be retried; abort puts the order on Hold.
  'order-failure':
    'Look at each order with "status <WO-number>" (in Slack: /prov status <WO-number>; in Microsoft Teams, sent to provbot). ' +
    'A failed order can be provisioned again with "retry <WO-number>", or stopped and put on Hold with "abort <WO-number>".',
  // Only a permanent refusal means the destination is gone: each line says which it was.
  'delivery-failure':
    'provbot gave up on each of these; its line says why. A destination refused for good (an archived channel, an unknown mailbox) ' +
    'needs fixing first: the address or channel, the mail server settings (Notification Settings: Test Settings) or the chat registration. ' +
    'Once the cause is fixed, "/prov notify outbox retry" in Slack ("notify outbox retry" to provbot in Microsoft Teams) sends them all again.',
};

/**
 * "Notification settings can be set at system level to manage notifications
 * corresponding to system events such as synchronization failures and order failures"
 * (Configuring System Notifications): one email to the Administration notification
 * group listing the events, all of one type ("Synchronization failures and order
 * failures are aggregated in separate emails").
 */
export function systemAlertEmail(notice: SystemAlertNotice): EmailContent {
  const label = SYSTEM_EVENT_LABEL[notice.eventType];
  const events = [...notice.events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  return composeEmail(`${label} (${events.length})`, [
    paragraph('Hello,'),
    paragraph(`${label}: ${events.length === 1 ? 'one event' : `${events.length} events`} for the Administration notification group.`),
    list(events.map(eventItem)),
    note(ADVICE[notice.eventType]),
  ]);
}

function eventItem(event: SystemNotice): Inline[] {
  const when = Number.isNaN(Date.parse(event.occurredAt)) ? event.occurredAt : formatInstant(new Date(event.occurredAt));
  const where = [event.domain, event.orderNumber && `order ${event.orderNumber}`].filter(Boolean).join(', ');
  return [`${when}${where ? ` (${where})` : ''}: ${event.summary}`];
}
