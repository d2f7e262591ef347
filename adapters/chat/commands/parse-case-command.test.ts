import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse-command';

describe('case command', () => {
  it('takes the order, an optional line, an optional type word, and keeps the description as typed', () => {
    expect(parseCommand('case ORD-1 2 resend did nothing,\n  twice')).toEqual({
      ok: true,
      command: { kind: 'case', orderNumber: 'ORD-1', lines: [2], requestType: 'resend', description: 'resend did nothing,\n  twice' },
    });
    expect(parseCommand('case ORD-1 the email never arrives')).toEqual({
      ok: true,
      command: { kind: 'case', orderNumber: 'ORD-1', lines: 'all', requestType: null, description: 'the email never arrives' },
    });
    expect(parseCommand('CASE ORD-1 all Contact change keeps failing')).toMatchObject({
      ok: true,
      command: { lines: 'all', requestType: 'contact', description: 'Contact change keeps failing' },
    });
  });

  it('passes an empty description on, for the core to refuse in its own words', () => {
    expect(parseCommand('case ORD-1 2')).toMatchObject({ ok: true, command: { lines: [2], description: '' } });
  });

  it('says how to type it when the order is missing or malformed, or the line is 0', () => {
    expect(parseCommand('case')).toMatchObject({ ok: false, problem: expect.stringContaining('case <order> [<line>]') });
    expect(parseCommand('case ORD/1 broken')).toMatchObject({ ok: false, problem: expect.stringContaining('is not a valid order number') });
    expect(parseCommand('case ORD-1 0 broken')).toMatchObject({ ok: false, problem: expect.stringContaining('line numbers start at 1') });
  });
});
