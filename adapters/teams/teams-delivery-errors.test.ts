import { describe, expect, it } from 'vitest';
import { DeliveryRefused } from '../../core/index';
import { teamsRefusal } from './teams-delivery-errors';

/** An error shaped like the connector's RestError. */
const connectorError = (statusCode: number, retryAfter?: string) =>
  Object.assign(new Error(`HTTP ${statusCode}`), {
    statusCode,
    code: 'SomeCode',
    response: { headers: { get: (n: string) => (n === 'retry-after' ? retryAfter : undefined) } },
  });

describe('what a Teams connector error means to the outbox', () => {
  it('a 429 with Retry-After is a refusal that says when to come back; without it, an ordinary failure', () => {
    expect(teamsRefusal(connectorError(429, '3'), 'the notice')).toMatchObject({ retryAfterMs: 3000, permanent: false });
    const bare = connectorError(429);
    expect(teamsRefusal(bare, 'the notice')).toBe(bare);
  });

  it.each([400, 403, 404, 413])('%i is refused for good', (status) => {
    const refused = teamsRefusal(connectorError(status), 'the notice');
    expect(refused).toBeInstanceOf(DeliveryRefused);
    expect(refused).toMatchObject({ permanent: true, message: `Teams refused the notice (${status} SomeCode)` });
  });

  it.each([412, 500, 502, 503, 504])('%i is left as it is, to be retried', (status) => {
    const err = connectorError(status);
    expect(teamsRefusal(err, 'the notice')).toBe(err);
  });

  it('a network failure is left as it is', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(teamsRefusal(err, 'the notice')).toBe(err);
  });
});
