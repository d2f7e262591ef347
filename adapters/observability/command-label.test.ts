import { describe, expect, it } from 'vitest';
import { commandLabel, interactionLabel } from './command-label';

describe('metric labels for requests', () => {
  it('keeps a known command word and folds anything else into other', () => {
    expect(commandLabel('  Status ORD-1')).toBe('status');
    expect(commandLabel('')).toBe('help');
    expect(commandLabel('alice@example.com please')).toBe('other');
    expect(commandLabel('status\nORD-1')).toBe('status');
  });

  it('names a button by its dotted id without the suffix that keeps ids unique in a message', () => {
    expect(interactionLabel('action', 'activity.approve.2')).toBe('action:activity.approve');
    expect(interactionLabel('action', 'access.decline')).toBe('action:access.decline');
    expect(interactionLabel('view', 42)).toBe('view:other');
    expect(interactionLabel('event', '"><script>')).toBe('event:other');
  });
});
