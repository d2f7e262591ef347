import { describe, expect, it } from 'vitest';
import { parseActivityClick, ZRefreshData } from './activity-action.schemas';

describe('parseActivityClick', () => {
  it('reads the activity and the order version the card was built from', () => {
    expect(parseActivityClick({ value: 'act-1@7' })).toEqual({ activityId: 'act-1', orderVersion: 7 });
  });

  it('keeps what was typed into the button’s input, and drops other inputs', () => {
    expect(parseActivityClick({ value: 'act-1@7', macAddress: '00aabbccddee', other: 'x' })).toEqual({
      activityId: 'act-1',
      orderVersion: 7,
      macAddress: '00aabbccddee',
    });
    expect(parseActivityClick({ value: 'act-1@7', delegateTo: 'sam@acme.example' })).toMatchObject({ delegateTo: 'sam@acme.example' });
  });

  it.each([
    ['no data', {}],
    ['a number', { value: 17 }],
    ['no version', { value: 'act-1' }],
    ['an access request id', { requestId: 'req-1' }],
    ['a value with a slash', { value: '../x@1' }],
    ['a typed value that is not text', { value: 'act-1@1', macAddress: 12 }],
  ])('gives null for %s', (_what, data) => expect(parseActivityClick(data)).toBeNull());
});

describe('ZRefreshData', () => {
  it('accepts an activity id and nothing shaped otherwise', () => {
    expect(ZRefreshData.safeParse({ activityId: 'act-1' }).success).toBe(true);
    expect(ZRefreshData.safeParse({ activityId: 'a b' }).success).toBe(false);
    expect(ZRefreshData.safeParse({}).success).toBe(false);
  });
});
