import type { OutboxSummary } from '../../core/index';
import type { View } from './view';
import { formatInstant } from './view';

/** `notify outbox`: what waits to go out, and what was given up on after its last attempt. */
export function presentOutboxSummary(summary: OutboxSummary, prefix: string): View {
  const healthy = summary.dead === 0;
  return {
    title: 'Notification outbox',
    tone: healthy ? 'success' : 'warning',
    paragraphs: [
      summary.pending === 0 ? 'Nothing is waiting to go out.' : `${summary.pending} notice(s) waiting, ${summary.due} of them due now.`,
      healthy
        ? 'No notice has been given up on.'
        : `${summary.dead} notice(s) were given up on after their last attempt (the administrators were alerted with the reason). Fix the cause, then type ${prefix}notify outbox retry to send them again.`,
    ],
    fields: summary.oldestDueAt ? [{ label: 'Oldest waiting since', value: formatInstant(summary.oldestDueAt) }] : [],
  };
}

export function presentDeadRequeued(result: { requeued: number }): View {
  return result.requeued === 0
    ? { title: 'Nothing to send again', tone: 'info', paragraphs: ['No notice was given up on.'] }
    : { title: 'Sending again', tone: 'success', paragraphs: [`${result.requeued} notice(s) given up on are being sent again, from their first attempt.`] };
}
