/**
 * Slack waits 3 seconds for the answer to a view_submission; only that answer can
 * keep the modal open with errors under its inputs
 * (https://docs.slack.dev/interactivity/handling-user-interaction#modal_responses).
 * Work that has not finished within the budget carries on after the ack.
 */
export const VIEW_SUBMISSION_BUDGET_MS = 2000;

export type Settled<T> = { kind: 'done'; value: T } | { kind: 'failed'; error: unknown } | { kind: 'late' };

export async function withinBudget<T>(work: Promise<T>, budgetMs: number): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Settled<T>>((resolve) => (timer = setTimeout(() => resolve({ kind: 'late' }), budgetMs)));
  const settled = work.then(
    (value): Settled<T> => ({ kind: 'done', value }),
    (error: unknown): Settled<T> => ({ kind: 'failed', error }),
  );
  try {
    return await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
  }
}
