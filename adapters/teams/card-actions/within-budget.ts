/**
 * Teams gives an invoke about 5 seconds and then shows the user an error (and retries
 * twice). Work that may take longer (a decision that sends email and posts the next
 * activity) races this budget: past it the click is answered with a holding card and
 * the work carries on; whoever started it replaces the card once it is done.
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards
 */
export async function withinBudget<T>(work: Promise<T>, budgetMs: number): Promise<T | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), budgetMs)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
