import { describe, expect, it } from 'vitest';
import { CoreError } from '../../core/index';
import type { AccessRequest } from '../../core/index';
import { presentAccessRequestForApprover, presentDecisionForRequester } from './present-access-request';
import { presentError } from './present-error';
import { presentResend } from './present-self-service';
import { viewToText } from './view';

const request: AccessRequest = {
  id: 'req-1',
  orderNumber: 'ORD-1',
  domain: 'acme.example',
  action: { kind: 'contact', lines: [2], email: 'new@c.example' },
  requester: { name: 'Bob', email: 'bob@x.example', channel: 'teams', platformUserId: 'aad-bob' },
  approver: { name: 'Alice', email: 'alice@acme.example' },
  status: 'Pending',
  decidedBy: null,
  decidedAt: null,
  outcome: null,
  createdAt: new Date('2026-11-23T10:00:00Z'),
};

describe('presenters', () => {
  it('the past-PONR message carries the seed explanation and the admin portal', () => {
    const view = presentError(
      new CoreError('PAST_PONR', { orderNumber: 'ORD-1', lineNumbers: [1], adminPortalUrl: 'https://admin.webex.com' }),
      'r1',
    );
    expect(viewToText(view)).toContain('Line 1 of order ORD-1 is past the point of no return');
    expect(viewToText(view)).toContain('signing in at https://admin.webex.com');
  });

  it('unexpected errors show a ref and never the raw message', () => {
    const text = viewToText(presentError(new Error('SQLITE_BUSY: secret internals'), 'abc123'));
    expect(text).toContain('ref abc123');
    expect(text).not.toContain('SQLITE_BUSY');
  });

  it('a resend reply names the sender to allowlist and the spam folder', () => {
    const text = viewToText(
      presentResend({
        kind: 'resent',
        orderNumber: 'ORD-1',
        attempts: [{ lineNumber: 1, to: 'it@c.example', status: 'Sent', error: null }],
        skipped: [],
        senderAddress: 'webex_comm@webex.com',
      }),
    );
    expect(text).toMatch(/spam or junk folder.*allow the sender webex_comm@webex\.com/);
  });

  it('a pending request carries Approve and Decline; a decided one carries no buttons and says who decided', () => {
    const pending = presentAccessRequestForApprover(request);
    expect(pending.actions?.map((a) => [a.id, a.value])).toEqual([
      ['access.approve', 'req-1'],
      ['access.decline', 'req-1'],
    ]);
    const decided = presentAccessRequestForApprover({
      ...request,
      status: 'Approved',
      decidedBy: { name: 'Alice', email: 'alice@acme.example', channel: 'email' },
      decidedAt: new Date('2026-11-23T11:00:00Z'),
    });
    expect(decided.actions).toBeUndefined();
    expect(decided.title).toBe('Approved by Alice at 2026-11-23 11:00 UTC');
  });

  it('tells the requester why an approved action could not run', () => {
    const view = presentDecisionForRequester({
      ...request,
      status: 'Approved',
      decidedBy: { name: 'Alice', email: null, channel: 'slack' },
      outcome: {
        ok: false,
        code: 'PAST_PONR',
        details: { orderNumber: 'ORD-1', lineNumbers: [2], adminPortalUrl: 'https://admin.webex.com' },
      },
    });
    expect(view.tone).toBe('error');
    expect(viewToText(view)).toContain('It could not be done: Line 2 of order ORD-1 is past the point of no return');
  });
});
