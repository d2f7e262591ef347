import { describe, expect, it } from 'vitest';
import type { CoreError } from '../../core/index';
import { parseSearchQuery } from './search-query';

const issuesOf = (query: Record<string, unknown>) => {
  try {
    parseSearchQuery(query);
  } catch (err) {
    return (err as CoreError<'VALIDATION_FAILED'>).details.fields.map((p) => `${p.field}: ${p.message}`);
  }
  throw new Error('no problem reported');
};

describe('GET /api/work-orders query', () => {
  it('takes every criterion chat takes, with the same spellings', () => {
    expect(
      parseSearchQuery({
        number: 'wo-000007',
        status: 'complete',
        extended: 'approval',
        kind: 'cancel',
        name: 'Jane',
        phone: '5551234',
        email: 'jane.doe@acme.example',
        department: 'Sales',
        domain: 'acme.example',
        date: '2026-11-02',
        delivery: '2026-11-09',
        limit: '5',
      }),
    ).toEqual({
      criteria: {
        orderNumber: 'WO-000007',
        state: 'Completed',
        extendedStatus: 'Waiting for Approval',
        kind: 'Cancel',
        subscriberName: 'Jane',
        subscriberPhone: '5551234',
        subscriberEmail: 'jane.doe@acme.example',
        department: 'Sales',
        domain: 'acme.example',
        orderDate: '2026-11-02',
        requestedDeliveryDate: '2026-11-09',
      },
      limit: 5,
    });
  });

  it('keeps state= as another name for status, and defaults the limit', () => {
    expect(parseSearchQuery({ state: 'Released', login: 'jdoe' })).toEqual({
      criteria: { state: 'Released', subscriberLogin: 'jdoe' },
      limit: 50,
    });
  });

  it('names each bad field', () => {
    expect(issuesOf({ status: 'Shipped', colour: 'red', date: 'tomorrow', limit: '0', login: ['a', 'b'] })).toEqual([
      'limit: Must be at least 1.',
      'login: Give "login" once, as a single value.',
      expect.stringMatching(/^status: "Shipped" is not an order status; use one of Initial, Released/),
      expect.stringMatching(/^request: "colour" is not a search criterion; use number, author, status/),
      expect.stringMatching(/^date: "tomorrow" is not a valid order date/),
    ]);
    expect(issuesOf({ status: 'Released', state: 'Hold' })).toEqual(['state: "state" is given twice.']);
  });
});
