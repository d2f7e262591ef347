import { describe, expect, it } from 'vitest';
import type { SupportCase } from '../../core/index';
import { CoreError } from '../../core/index';
import { presentOrderHistory } from './present-order-status';
import { presentCaseOpened, presentCaseProblem } from './present-support-case';
import { userMessage } from './user-messages';
import { viewToText } from './view';

const opened: SupportCase = {
  number: 'CASE-7',
  orderNumber: 'ORD-1',
  lineNumbers: [2],
  requestType: 'contact',
  description: 'The edit button does nothing.',
  openedBy: { name: 'Alice Placer', email: 'alice@acme-partner.example' },
  channel: 'slack',
  sentTo: 'support@cisco.example',
  createdAt: new Date(Date.UTC(2026, 10, 23, 10, 0)),
};

describe('support case views', () => {
  it('confirms the case with its number, where it went, the type in the portal’s words and the portal', () => {
    const text = viewToText(presentCaseOpened({ kind: 'case-opened', supportCase: opened, supportUrl: 'https://www.cisco.com/go/cs' }));
    expect(text).toContain('Support case CASE-7 opened for order ORD-1');
    expect(text).toContain('support@cisco.example');
    expect(text).toContain('Type of request: Change Provisioning Contact Email');
    expect(text).toContain('What happened: The edit button does nothing.');
    expect(text).toContain('https://www.cisco.com/go/cs');
  });

  it('lists cases in history among the provisioning email updates, newest first', () => {
    const view = presentOrderHistory({ orderNumber: 'ORD-1', transactions: [], cases: [opened], limit: 50 });
    expect(view.sections?.[0]?.heading).toBe('2026-11-23 10:00 UTC · Support case CASE-7 · line 2');
    expect(view.paragraphs).toEqual([]);
  });

  it('shows a typed problem with the usage of case alone', () => {
    const view = presentCaseProblem([{ field: 'description', message: 'This is empty.' }], '/prov ');
    expect(view.paragraphs.slice(0, 2)).toEqual([
      'Description: This is empty.',
      '/prov case <order> [<line>] [resend|contact] <what happened>',
    ]);
  });

  it('offers a case where a refusal leaves the partner stuck, and says where to go without a support address', () => {
    const pastPonr = userMessage(
      new CoreError('PAST_PONR', { orderNumber: 'ORD-1', lineNumbers: [1], adminPortalUrl: 'https://admin.webex.com' }),
    );
    expect(pastPonr).toContain('"case ORD-1 <what happened>"');
    expect(userMessage(new CoreError('SUPPORT_NOT_CONFIGURED', { supportUrl: 'https://www.cisco.com/go/cs' }))).toContain(
      'Open it yourself at https://www.cisco.com/go/cs',
    );
    expect(userMessage(new CoreError('SUPPORT_NOT_CONFIGURED', { supportUrl: null }))).toContain('Customer Service Hub');
  });
});
