/**
 * Work raced against the time a platform waits for an answer (Slack: 3 s for a modal
 * submission; Teams: about 5 s for an invoke). Past the budget the caller answers
 * anyway and the work carries on; the race keeps a later rejection handled.
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

export type Settled<T> = { kind: 'done'; value: T } | { kind: 'failed'; error: unknown } | { kind: 'late' };

/** The same race, with a failure within the budget as a value rather than a rejection. */
export async function settleWithinBudget<T>(work: Promise<T>, budgetMs: number): Promise<Settled<T>> {
  try {
    const result = await withinBudget(work, budgetMs);
    return result === 'late' ? { kind: 'late' } : { kind: 'done', value: result };
  } catch (error) {
    return { kind: 'failed', error };
  }
}
