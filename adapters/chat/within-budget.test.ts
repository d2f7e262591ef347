import { describe, expect, it } from 'vitest';
import { settleWithinBudget, withinBudget } from './within-budget';

const resolveAfter = <T>(ms: number, value: T) => new Promise<T>((r) => setTimeout(() => r(value), ms));

describe('work raced against a platform budget', () => {
  it('gives the result in time, or "late" and lets the work carry on', async () => {
    expect(await withinBudget(resolveAfter(5, 'card'), 200)).toBe('card');
    const slow = resolveAfter(60, 'card');
    expect(await withinBudget(slow, 10)).toBe('late');
    expect(await slow).toBe('card');
  });

  it('settles a failure within the budget as a value, and a late one as late', async () => {
    const boom = new Error('boom');
    expect(await settleWithinBudget(Promise.reject(boom), 200)).toEqual({ kind: 'failed', error: boom });
    expect(await settleWithinBudget(resolveAfter(5, 1), 200)).toEqual({ kind: 'done', value: 1 });
    const lateFailure = resolveAfter(40, null).then(() => Promise.reject(boom));
    expect(await settleWithinBudget(lateFailure, 5)).toEqual({ kind: 'late' });
    await expect(lateFailure).rejects.toBe(boom);
  });
});
