import { describe, expect, it } from 'vitest';
import { parseDelegateTo } from './parse-delegate-to';

describe('parseDelegateTo', () => {
  it('delegates to a person by email address, lower-cased', () => {
    expect(parseDelegateTo('  Sam.Shipper@Acme.example ')).toEqual({ ok: true, to: { kind: 'user', email: 'sam.shipper@acme.example' } });
  });

  it('delegates to a group by role name, in any case, with or without "group:"', () => {
    expect(parseDelegateTo('assignment')).toEqual({ ok: true, to: { kind: 'group', role: 'Assignment' } });
    expect(parseDelegateTo('group: Advanced Ordering')).toEqual({ ok: true, to: { kind: 'group', role: 'Advanced Ordering' } });
  });

  it('says what it takes when the text is empty or neither', () => {
    expect(parseDelegateTo('')).toEqual({
      ok: false,
      problem: expect.stringContaining('Type an email address, or a group: Ordering, Advanced Ordering, Approval'),
    });
    expect(parseDelegateTo(undefined)).toMatchObject({ ok: false });
    const bad = parseDelegateTo('the janitor');
    expect(bad).toEqual({
      ok: false,
      problem: expect.stringMatching(/^"the janitor" is neither an email address nor a group\. Groups: Ordering/),
    });
  });
});
