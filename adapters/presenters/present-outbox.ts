import type { OutboxReview } from '../../core/index';
import { describeDeadDelivery } from './describe-dead-delivery';
import type { View, ViewSection } from './view';
import { formatInstant } from './view';

/** Dead deliveries listed in chat: each is one section, well inside a message's limits on both platforms. */
export const CHAT_DEAD_LIST_LIMIT = 10;

/** `notify outbox`: what waits to go out, and each notice given up on after its last attempt, with how to send it again. */
export function presentOutboxSummary(review: OutboxReview, prefix: string): View {
  const healthy = review.dead === 0;
  const retry = `${prefix}notify outbox retry`;
  return {
    title: 'Notification outbox',
    tone: healthy ? 'success' : 'warning',
    paragraphs: [
      review.pending === 0 ? 'Nothing is waiting to go out.' : `${review.pending} notice(s) waiting, ${review.due} of them due now.`,
      healthy
        ? 'No notice has been given up on.'
        : `${review.dead} notice(s) were given up on after their last attempt, the last tried first below. Fix the cause, then type ${retry} <id> to send one again, or ${retry} to send them all again.`,
    ],
    fields: review.oldestDueAt ? [{ label: 'Oldest waiting since', value: formatInstant(review.oldestDueAt) }] : [],
    sections: review.deadDeliveries.map(deadSection),
    ...(review.deadNotListed > 0
      ? {
          footnote: `…and ${review.deadNotListed} more given up on, not listed here (GET /api/notifications/deliveries?limit=100 lists more).`,
        }
      : {}),
  };
}

function deadSection(d: OutboxReview['deadDeliveries'][number]): ViewSection {
  const words = describeDeadDelivery(d);
  return {
    heading: `${capitalize(words.what)}, ${words.destination}`,
    fields: [
      { label: 'Id', value: words.id },
      { label: 'Last tried', value: `${words.lastTriedAt} (${words.attempts} attempt(s))` },
      { label: 'Why', value: words.lastError },
    ],
  };
}

export function presentDeadRequeued(result: { requeued: number }): View {
  return result.requeued === 0
    ? { title: 'Nothing to send again', tone: 'info', paragraphs: ['No notice was given up on.'] }
    : {
        title: 'Sending again',
        tone: 'success',
        paragraphs: [
          `${result.requeued} notice(s) given up on ${result.requeued === 1 ? 'is' : 'are'} being sent again, from the first attempt.`,
        ],
      };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
