import { describe, expect, it } from 'vitest';
import { fromJsonText, toJsonText } from './json-column';

describe('JSON text columns', () => {
  it('gives back Dates as Dates, at any depth', () => {
    const value = { decidedAt: new Date('2030-01-02T03:04:05.678Z'), events: [{ at: new Date(0), summary: 'x' }] };
    const back = fromJsonText<typeof value>(toJsonText(value));
    expect(back.decidedAt).toBeInstanceOf(Date);
    expect(back).toEqual(value);
  });

  it('gives back a value without Dates as it was, quotes, backslashes and unicode included', () => {
    const value = { summary: 'l\'"ordre" \\ naïve — 注文 ✅ 🚀', list: [1, null, true], nested: { empty: {} } };
    expect(fromJsonText(toJsonText(value))).toEqual(value);
  });

  it('leaves a string that only mentions the tag a string, and an object with more keys than the tag an object', () => {
    const value = { note: 'the "$date" tag', tagged: { $date: '2030-01-02T00:00:00.000Z', other: 1 }, at: new Date(5) };
    const back = fromJsonText<typeof value>(toJsonText(value));
    expect(back).toEqual(value);
    expect(back.tagged).toEqual({ $date: '2030-01-02T00:00:00.000Z', other: 1 });
  });
});
