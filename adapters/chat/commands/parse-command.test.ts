import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse-command';

describe('parseCommand', () => {
  it.each([
    ['resend ORD-1', { kind: 'resend', orderNumber: 'ORD-1', lines: 'all' }],
    ['resend ORD-1 2', { kind: 'resend', orderNumber: 'ORD-1', lines: [2] }],
    ['  RESEND   ORD-1   all ', { kind: 'resend', orderNumber: 'ORD-1', lines: 'all' }],
    ['contact ORD-1 all New@X.example', { kind: 'contact', orderNumber: 'ORD-1', lines: 'all', email: 'new@x.example' }],
    ['contact ORD-1 3 <mailto:a@b.example|a@b.example>', { kind: 'contact', orderNumber: 'ORD-1', lines: [3], email: 'a@b.example' }],
    ['status ORD-1', { kind: 'status', orderNumber: 'ORD-1' }],
    ['history ORD-1', { kind: 'history', orderNumber: 'ORD-1' }],
    ['help', { kind: 'help' }],
    ['', { kind: 'help' }],
  ])('%s', (text, command) => {
    expect(parseCommand(text)).toEqual({ ok: true, command });
  });

  it.each([
    ['frobnicate ORD-1', /don't know "frobnicate"/],
    ['resend', /"resend" takes 1 or 2 arguments/],
    ['contact ORD-1 all', /"contact" takes 3 arguments/],
    ['contact ORD-1 all not-an-email', /"not-an-email" is not a valid email/],
    ['resend ORD-1 two', /"two" is not a valid line/],
    ['resend ORD-1 0', /line numbers start at 1/],
    ['status ORD/1', /not a valid order number/],
  ])('%s is refused with a specific problem', (text, problem) => {
    const r = parseCommand(text);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.problem).toMatch(problem);
  });

  it('refuses oversize input without parsing it', () => {
    const r = parseCommand(`status ${'x'.repeat(600)}`);
    expect(r).toMatchObject({ ok: false, problem: expect.stringMatching(/too long \(607 characters; at most 500\)/) });
  });
});
