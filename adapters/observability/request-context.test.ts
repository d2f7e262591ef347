import { describe, expect, it } from 'vitest';
import { correlationIdFrom, currentCorrelationId, keepCorrelation, outsideRequests, withCorrelation } from './request-context';

describe('correlation ids', () => {
  it('reuses an incoming X-Request-Id only when it is short and plain', () => {
    expect(correlationIdFrom('req-0123456789')).toBe('req-0123456789');
    for (const unsafe of [undefined, 'short', 'a\nforged log line', 'x'.repeat(101), 'id with spaces 1234'])
      expect(correlationIdFrom(unsafe)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the id of the request that queued work, whoever starts it later', () => {
    const queued: (() => string | undefined)[] = [];
    withCorrelation('request-a-0001', () => queued.push(keepCorrelation(() => currentCorrelationId())));
    const seen = withCorrelation('request-b-0002', () => queued[0]!());
    expect(seen).toBe('request-a-0001');
    expect(withCorrelation('request-c-0003', () => outsideRequests(() => currentCorrelationId()))).toBeUndefined();
  });
});
