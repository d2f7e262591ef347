import { describe, expect, it } from 'vitest';
import { aSubscriber, aWorkOrder, anActivity } from '../../../test/fixtures/workflow-values';
import type { ActivityEmailInput } from './activity.email';
import { activityEmail } from './activity.email';

const links = {
  approveUrl: 'https://provbot.example/links/activity/aaa.bbb',
  declineUrl: 'https://provbot.example/links/activity/ccc.ddd',
  expiresAt: new Date('2026-11-26T10:00:00Z'),
};
const render = (overrides: Partial<ActivityEmailInput> = {}) =>
  activityEmail({
    activity: anActivity(),
    order: aWorkOrder(),
    subscriber: aSubscriber(),
    to: 'carol@acme.example',
    links,
    escalatedAfterMinutes: null,
    ...overrides,
  });

describe('activity email', () => {
  it('asks an approver to approve or reject, with the order summary and its items', () => {
    const email = render();
    expect(email.subject).toBe('Approval needed: order WO-000123 (Add Enhanced Phone Service for Jane Doe (jdoe))');
    expect(email.text).toContain('Please approve or reject order WO-000123: Add Enhanced Phone Service for Jane Doe (jdoe).');
    expect(email.text).toContain('This approval activity is assigned to the Approval group in acme.example.');
    expect(email.text).toContain('Placed by: Olivia Orderer (olivia@acme.example)');
    expect(email.text).toContain('Status: Released (Waiting for Approval)');
    expect(email.text).toContain('- Phone: Phone type 7945, Device name SEP001122334455, MAC address 001122334455');
    expect(email.text).toContain('- Line: Line type Chosen Line, Directory number 4001, Display name Jane Doe');
  });

  it('carries Approve and Reject order links in both parts, says when they expire and that rejecting provisions nothing', () => {
    const email = render();
    expect(email.text).toContain(`Approve: ${links.approveUrl}`);
    expect(email.text).toContain(`Reject order: ${links.declineUrl}`);
    expect(email.html).toMatch(new RegExp(`<a href="${links.approveUrl}"[^>]*>Approve</a>`));
    expect(email.html).toMatch(new RegExp(`<a href="${links.declineUrl}"[^>]*>Reject order</a>`));
    expect(email.text).toContain('The links work until 2026-11-26 10:00 UTC');
    expect(email.text).toContain('If you reject it, it is cancelled and nothing is provisioned; you can give a reason');
  });

  it('tells an external address what to do and where, with no link at all', () => {
    const email = render({ to: 'approvals-list@partner.example', links: null });
    expect(email.subject).toBe('Approval needed: order WO-000123 (Add Enhanced Phone Service for Jane Doe (jdoe))');
    expect(email.text).toContain('What to do, in Slack (/prov activities) or Microsoft Teams (send "activities" to provbot):');
    expect(email.text).toContain('- Approve or reject the order.');
    expect(email.text).toContain("This copy has no links to act on: only people in provbot's directory get them");
    expect(email.text).not.toMatch(/https?:\/\//);
    expect(email.html).not.toContain('<a ');
  });

  it('marks an escalation in the subject and says nobody acted within the window', () => {
    const email = render({ to: 'admin@acme.example', escalatedAfterMinutes: 90 });
    expect(email.subject).toBe('Escalated: Approval needed: order WO-000123 (Add Enhanced Phone Service for Jane Doe (jdoe))');
    expect(email.text).toContain(
      'Nobody acted on this approval activity within 1 hour 30 minutes, the escalation window of acme.example, so it is escalated to the administrators.',
    );
    expect(render().text).not.toContain('escalat');
  });

  it('says an activity assigned to one user is theirs, and names the user to anyone else', () => {
    const activity = anActivity({ assignee: { kind: 'user', email: 'carol@acme.example' } });
    expect(render({ activity, to: 'Carol@ACME.example' }).text).toContain('This approval activity is assigned to you.');
    expect(render({ activity, to: 'admin@acme.example' }).text).toContain('This approval activity is assigned to carol@acme.example.');
    expect(render({ activity, to: 'admin@acme.example', assigneeName: 'Carol Clerk' }).text).toContain(
      'This approval activity is assigned to Carol Clerk (carol@acme.example).',
    );
    expect(render({ activity, to: 'carol@acme.example', assigneeName: 'Carol Clerk' }).text).toContain('assigned to you.');
  });

  it('shows the decision instead of links when the activity was decided before the email went out', () => {
    const activity = anActivity({
      status: 'Done',
      decidedBy: { name: 'Dave Approver', email: 'dave@acme.example', channel: 'slack' },
      decidedAt: new Date('2026-11-23T10:05:00Z'),
    });
    const email = render({ activity });
    expect(email.text).toContain('Approved by Dave Approver at 2026-11-23 10:05 UTC. Nothing more is needed.');
    expect(email.text).not.toContain('/links/');
  });

  it('explains an Assignment step, done in Slack or Teams, without links', () => {
    const activity = anActivity({ kind: 'Assignment', assignee: { kind: 'group', role: 'Assignment' } });
    const email = render({ activity, links: null });
    expect(email.subject).toBe('Assignment needed: order WO-000123 (Add Enhanced Phone Service for Jane Doe (jdoe))');
    expect(email.text).toContain('What to do, in Slack (/prov activities) or Microsoft Teams (send "activities" to provbot):');
    expect(email.text).toContain("- Enter the phone's MAC address: 12 hexadecimal characters");
    expect(email.text).toContain('press Hand back (it goes back to its group) or Delegate (to someone else) in the same place');
    expect(email.text).toContain('- Press Accept.');
    expect(email.text).not.toMatch(/https?:\/\//);
    expect(email.html).not.toContain('<a ');
  });

  it.each([
    ['Shipping', 'Shipping needed', 'Ship the phone to the subscriber.'],
    ['Receiving', 'Receiving needed', 'Check that the ordered phone has been received.'],
  ] as const)('explains a %s step', (kind, subject, step) => {
    const email = render({ activity: anActivity({ kind }), links: null });
    expect(email.subject.startsWith(`${subject}: order WO-000123`)).toBe(true);
    expect(email.text).toContain(`- ${step}`);
    expect(email.text).toContain('- Press Step Complete.');
  });

  it('names the subscriber by login when the record is missing, and describes change and cancel orders', () => {
    const owner = aWorkOrder({ kind: 'Change', changeKind: 'Change Owner', orderable: null, newOwnerLogin: 'jsmith' });
    expect(render({ order: owner, subscriber: null }).subject).toBe(
      'Approval needed: order WO-000123 (Change Owner of Phone to jsmith for jdoe)',
    );
    const cancel = aWorkOrder({
      kind: 'Cancel',
      orderable: null,
      items: [{ itemNumber: 1, type: 'Line', attributes: {}, productId: 'prod-7', parentItemNumber: null, parentProductId: null }],
    });
    const { text } = render({ order: cancel });
    expect(text).toContain('Please approve or reject order WO-000123: Cancel Line for Jane Doe (jdoe).');
    expect(text).toContain('- Line (product prod-7)');
  });

  it('escapes order values in HTML and keeps them verbatim in text', () => {
    const subscriber = aSubscriber({ firstName: '<script>alert(1)</script>', lastName: 'O\'Brien & "Co"' });
    const order = aWorkOrder({
      items: [
        {
          itemNumber: 1,
          type: 'Phone',
          attributes: { deviceName: '<b>x</b>' },
          productId: null,
          parentItemNumber: null,
          parentProductId: null,
        },
      ],
    });
    const email = render({ order, subscriber });
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>x</b>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &amp; &quot;Co&quot;');
    expect(email.text).toContain('<script>alert(1)</script> O\'Brien & "Co"');
  });
});
