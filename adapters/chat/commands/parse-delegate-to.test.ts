import { describe, expect, it } from 'vitest';
import { DELEGATE_GROUPS, DELEGATE_HINT, DELEGATE_PLACEHOLDER, parseDelegateTo } from './parse-delegate-to';

describe('parseDelegateTo', () => {
  it('delegates to a person by email address, lower-cased', () => {
    expect(parseDelegateTo('  Sam.Shipper@Acme.example ')).toEqual({ ok: true, to: { kind: 'user', email: 'sam.shipper@acme.example' } });
  });

  it('delegates to a group by role name, in any case, with or without "group:"', () => {
    expect(parseDelegateTo('assignment')).toEqual({ ok: true, to: { kind: 'group', role: 'Assignment' } });
    expect(parseDelegateTo('group: Shipping')).toEqual({ ok: true, to: { kind: 'group', role: 'Shipping' } });
  });

  it('says what it takes when the text is empty or neither', () => {
    expect(parseDelegateTo('')).toEqual({
      ok: false,
      problem: 'Type the email address of a person, or a group: Approval, Assignment, Shipping or Receiving.',
    });
    expect(parseDelegateTo(undefined)).toMatchObject({ ok: false });
    expect(parseDelegateTo('the janitor')).toEqual({
      ok: false,
      problem:
        '"the janitor" is neither an email address nor a group. Type the email address of a person, or a group: Approval, Assignment, Shipping or Receiving.',
    });
  });

  it('names in its refusal exactly the groups the hint under the input offers, and takes no other', () => {
    const offered = (text: string) => /group: (.+)\.$/.exec(text)![1];
    const refused = parseDelegateTo('Ordering');
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(offered(refused.problem)).toBe('Approval, Assignment, Shipping or Receiving');
    expect(DELEGATE_HINT).toContain(`group: ${offered(refused.problem)}.`);
    expect(DELEGATE_PLACEHOLDER).toContain(offered(refused.problem));
    for (const group of DELEGATE_GROUPS) expect(parseDelegateTo(group)).toEqual({ ok: true, to: { kind: 'group', role: group } });
    expect(parseDelegateTo('Administrator')).toMatchObject({ ok: false });
  });
});
