import { describe, expect, it } from 'vitest';
import { aSubscriber, aWorkOrder, anActivity, anApprover } from '../../../test/fixtures/workflow-values';
import { activityEmail } from './activity.email';

const links = {
  approveUrl: 'https://provbot.example/links/activity/aaa.bbb',
  declineUrl: 'https://provbot.example/links/activity/ccc.ddd',
  expiresAt: new Date('2026-11-26T10:00:00Z'),
};

describe('activity email', () => {
  it('asks an approver to approve or reject, with the order summary and its items', () => {
    const email = activityEmail({ activity: anActivity(), order: aWorkOrder(), subscriber: aSubscriber(), recipient: anApprover(), links });
    expect(email.subject).toBe('Approval needed: order WO-000123 (Add Enhanced Phone Service for Jane Doe (jdoe))');
    expect(email.text).toContain('Hello Carol Approver,');
    expect(email.text).toContain('Please approve or reject order WO-000123: Add Enhanced Phone Service for Jane Doe (jdoe).');
    expect(email.text).toContain('assigned to the Approval group of acme.example, which includes you (carol@acme.example)');
    expect(email.text).toContain('Placed by: Olivia Orderer (olivia@acme.example)');
    expect(email.text).toContain('Status: Released (Waiting for Approval)');
    expect(email.text).toContain('- Phone: Phone type 7945, Device name SEP001122334455, MAC address 001122334455');
    expect(email.text).toContain('- Line: Line type Chosen Line, Directory number 4001, Display name Jane Doe');
  });

  it('carries Approve and Decline links in both parts, says when they expire and that declining provisions nothing', () => {
    const email = activityEmail({ activity: anActivity(), order: aWorkOrder(), subscriber: aSubscriber(), recipient: anApprover(), links });
    expect(email.text).toContain(`Approve: ${links.approveUrl}`);
    expect(email.text).toContain(`Decline: ${links.declineUrl}`);
    expect(email.html).toMatch(new RegExp(`<a href="${links.approveUrl}"[^>]*>Approve</a>`));
    expect(email.html).toMatch(new RegExp(`<a href="${links.declineUrl}"[^>]*>Decline</a>`));
    expect(email.text).toContain('The links work until 2026-11-26 10:00 UTC');
    expect(email.text).toContain('If you decline, the order is rejected: it is cancelled and nothing is provisioned.');
  });

  it('says an activity assigned to one user is theirs', () => {
    const activity = anActivity({ assignee: { kind: 'user', email: 'carol@acme.example' } });
    const { text } = activityEmail({ activity, order: aWorkOrder(), subscriber: aSubscriber(), recipient: anApprover(), links });
    expect(text).toContain('This approval activity is assigned to you.');
    expect(text).not.toContain('group');
  });

  it('explains an Assignment step, done in Slack or Teams, without links', () => {
    const activity = anActivity({ kind: 'Assignment', assignee: { kind: 'group', role: 'Assignment' } });
    const email = activityEmail({ activity, order: aWorkOrder(), subscriber: aSubscriber(), recipient: anApprover({ name: 'Sam Assigner' }) });
    expect(email.subject).toBe('Phone assignment needed: order WO-000123 (Add Enhanced Phone Service for Jane Doe (jdoe))');
    expect(email.text).toContain('What to do, in Slack (/prov activities) or Microsoft Teams (send "activities" to provbot):');
    expect(email.text).toContain("- Enter the phone's MAC address: 12 hexadecimal characters");
    expect(email.text).not.toMatch(/https?:\/\//);
    expect(email.html).not.toContain('<a ');
  });

  it.each([
    ['Shipping', 'Shipping needed', 'Ship the phone to the subscriber.'],
    ['Receiving', 'Receipt needed', 'Check that the ordered phone has been received.'],
  ] as const)('explains a %s step', (kind, subject, step) => {
    const email = activityEmail({ activity: anActivity({ kind }), order: aWorkOrder(), subscriber: aSubscriber(), recipient: anApprover() });
    expect(email.subject.startsWith(`${subject}: order WO-000123`)).toBe(true);
    expect(email.text).toContain(`- ${step}`);
    expect(email.text).toContain('- Mark the step complete.');
  });

  it('names the subscriber by login when the record is missing, and describes change and cancel orders', () => {
    const owner = aWorkOrder({ kind: 'Change', changeKind: 'Change Owner', orderable: null, newOwnerLogin: 'jsmith' });
    expect(activityEmail({ activity: anActivity(), order: owner, subscriber: null, recipient: anApprover(), links }).subject).toBe(
      'Approval needed: order WO-000123 (Change Owner of Phone to jsmith for jdoe)',
    );
    const cancel = aWorkOrder({ kind: 'Cancel', orderable: null, items: [{ itemNumber: 1, type: 'Line', attributes: {}, productId: 'prod-7', parentItemNumber: null, parentProductId: null }] });
    const { text } = activityEmail({ activity: anActivity(), order: cancel, subscriber: aSubscriber(), recipient: anApprover(), links });
    expect(text).toContain('Please approve or reject order WO-000123: Cancel Line for Jane Doe (jdoe).');
    expect(text).toContain('- Line (product prod-7)');
  });

  it('escapes order values in HTML and keeps them verbatim in text', () => {
    const subscriber = aSubscriber({ firstName: '<script>alert(1)</script>', lastName: 'O\'Brien & "Co"' });
    const order = aWorkOrder({ items: [{ itemNumber: 1, type: 'Phone', attributes: { deviceName: '<b>x</b>' }, productId: null, parentItemNumber: null, parentProductId: null }] });
    const email = activityEmail({ activity: anActivity(), order, subscriber, recipient: anApprover({ name: '<img src=x>' }), links });
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>x</b>');
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &amp; &quot;Co&quot;');
    expect(email.text).toContain('<script>alert(1)</script> O\'Brien & "Co"');
  });
});
