import type { SubmitAsks } from '../../core/index';

/**
 * The final button of a review when the core says it only asks (SubmitAsks): its label,
 * and the line above it, so a member of the partner domain knows before pressing that
 * nothing is created yet. The label fits Slack's modal submit (24 characters).
 */
export const ASK_ADMINISTRATORS = 'Ask the administrators';

export function submitAsksNotice(asks: SubmitAsks, what: 'customer' | 'template' | 'services setup'): string {
  if (!asks.administrators.length)
    return `You don't hold the Administrator role in ${asks.domain}, and it has no administrator to send your ${what} to: ask for the role first.`;
  return `You don't hold the Administrator role in ${asks.domain}: this sends your ${what} to its administrators (${asks.administrators.join(', ')}), and I'll tell you their answer.`;
}

/** The review's final button and the line above it: as given for whoever may do it, else asking. */
export function finalButton(asks: SubmitAsks | null, label: string, what: Parameters<typeof submitAsksNotice>[1]) {
  return asks
    ? { submitLabel: ASK_ADMINISTRATORS, submitNotice: submitAsksNotice(asks, what) }
    : { submitLabel: label, submitNotice: null };
}
