import type { SystemAlertNotice, SystemEventType, SystemNotice } from '../../core/index';
import { SYSTEM_EVENT_LABEL } from '../../core/index';
import type { Field, View, ViewSection } from './view';
import { formatInstant } from './view';

export interface SystemAlertOptions {
  /** "/prov " in Slack, empty in Teams. */
  prefix: string;
  /** Events shown; the rest are counted. */
  maxItems: number;
}

/** What an administrator can do about each kind of event. */
const WHAT_NOW: Record<SystemEventType, (prefix: string) => string> = {
  // Work Order States: a failed order "remains in the Released state, waiting for you to take action".
  'order-failure': (prefix) =>
    `Each order waits for you: "${prefix}retry <order>" tries it again, "${prefix}abort <order>" puts it on Hold.`,
  // Only a permanent refusal means the destination is gone; a notice that kept failing
  // (a server or platform down for the whole retry period) says so in its own line.
  'delivery-failure': (prefix) =>
    `provbot gave up on each of these; its line says why. A destination refused for good (an archived channel, an unknown mailbox) needs fixing in the notification settings first. Once the cause is fixed, "${prefix}notify outbox retry" sends them all again.`,
};

/**
 * "Notification settings can be set at system level to manage notifications
 * corresponding to system events such as synchronization failures and order failures"
 * (Configuring System Notifications): one message per event type and aggregation
 * window ("Synchronization failures and order failures are aggregated in separate
 * emails"), oldest first.
 */
export function presentSystemAlert(notice: SystemAlertNotice, o: SystemAlertOptions): View {
  const shown = notice.events.slice(0, o.maxItems);
  const hidden = notice.events.length - shown.length;
  return {
    title: `${SYSTEM_EVENT_LABEL[notice.eventType]} (${notice.events.length})`,
    tone: notice.eventType === 'order-failure' ? 'error' : 'warning',
    paragraphs: [WHAT_NOW[notice.eventType](o.prefix)],
    sections: shown.map(section),
    ...(hidden > 0 ? { footnote: `…and ${hidden} more, not shown here.` } : {}),
  };
}

function section(event: SystemNotice): ViewSection {
  const at = new Date(event.occurredAt);
  const fields: Field[] = [
    { label: 'When', value: Number.isNaN(at.getTime()) ? event.occurredAt : formatInstant(at) },
    ...(event.orderNumber ? [{ label: 'Order', value: event.orderNumber }] : []),
    ...(event.domain ? [{ label: 'Domain', value: event.domain }] : []),
  ];
  return { heading: event.summary, fields };
}
