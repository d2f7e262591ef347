import { describe, expect, it } from 'vitest';
import { anAccessRequest, anApprovedRequest, anOrder } from '../../test/fixtures/core-values';
import { bareAddress, createEmailNotifier } from './email-notifier';
import { aSubscriber, aWorkOrder, anActivity, anApprover } from '../../test/fixtures/workflow-values';
import { ACTIVITY_LINK_LIFETIME_MS, createLinkSigner, DEFAULT_LINK_LIFETIME_MS, isLinkError } from './links/link-signer';
import type { MailTransport, OutgoingMail } from './mail-transport';

const now = new Date('2026-11-23T10:00:00Z');
const signer = createLinkSigner('unit-test-secret-unit-test-secret-0001');

function setup(fail?: string | ((to: string) => string | null)) {
  const sent: OutgoingMail[] = [];
  const transport: MailTransport = {
    description: 'recording',
    async send(message) {
      const failure = typeof fail === 'function' ? fail(message.to) : fail;
      if (failure) throw new Error(failure);
      sent.push(message);
      return { messageId: `<${sent.length}@test>` };
    },
    async verify() {},
    async close() {},
  };
  const notifier = createEmailNotifier({
    transport,
    from: 'provbot <provbot@partner.example>',
    publicUrl: 'https://provbot.example/',
    adminPortalUrl: 'https://admin.webex.com',
    links: signer,
    clock: { now: () => now },
  });
  return { notifier, sent };
}

describe('email notifier', () => {
  it('exposes the bare MAIL_FROM address as the sender to allowlist', () => {
    expect(setup().notifier.senderAddress).toBe('provbot@partner.example');
    expect(bareAddress('"Prov, Bot" <bot@x.example>')).toBe('bot@x.example');
    expect(bareAddress(' bot@x.example ')).toBe('bot@x.example');
  });

  it('sends the provisioning email to the given contact, from MAIL_FROM, marked as automatic', async () => {
    const { notifier, sent } = setup();
    const order = anOrder();
    await notifier.sendProvisioningEmail({ order, line: order.lines[1]!, to: 'new@customer.example' });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      from: 'provbot <provbot@partner.example>',
      to: 'new@customer.example',
      subject: 'Set up your services: order ORD-1, line 2 (Webex Meetings)',
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Provbot-Kind': 'provisioning', 'X-Provbot-Order': 'ORD-1' },
    });
  });

  it('sends the access request to the placer with signed approve and decline links valid for 7 days', async () => {
    const { notifier, sent } = setup();
    await notifier.sendAccessRequest({ request: anAccessRequest(), order: anOrder() });
    expect(sent[0]!.to).toBe('alice@acme-partner.example');
    const tokens = [...sent[0]!.text.matchAll(/(Approve|Decline): https:\/\/provbot\.example\/links\/access\/(\S+)/g)];
    expect(tokens.map((m) => m[1])).toEqual(['Approve', 'Decline']);
    const [approve, decline] = tokens.map((m) => signer.verify(m[2]!, now));
    expect(approve).toEqual({
      requestId: 'req-1',
      decision: 'approve',
      approverEmail: 'alice@acme-partner.example',
      approverName: 'Alice Placer',
      requester: 'Bob Outsider (bob@other-partner.example)',
      action: 'resend the provisioning email for line 2 on order ORD-1',
      expiresAt: new Date(now.getTime() + DEFAULT_LINK_LIFETIME_MS),
    });
    expect(decline).toMatchObject({ requestId: 'req-1', decision: 'decline' });
    expect(isLinkError(signer.verify(tokens[0]![2]!, new Date(now.getTime() + DEFAULT_LINK_LIFETIME_MS)))).toBe(true);
  });

  it('sends the decision to the address the core gives', async () => {
    const { notifier, sent } = setup();
    await notifier.sendAccessDecision({ request: anApprovedRequest(null), to: 'bob@other-partner.example' });
    expect(sent[0]).toMatchObject({ to: 'bob@other-partner.example', subject: 'Approved: your request on order ORD-1' });
  });

  it('lets a transport failure reach the core with its message', async () => {
    const { notifier } = setup('Could not send the email: the mail server is unreachable');
    const order = anOrder();
    await expect(notifier.sendProvisioningEmail({ order, line: order.lines[0]!, to: 'it@customer.example' })).rejects.toThrow(
      'Could not send the email: the mail server is unreachable',
    );
  });

  it('sends an approval to each recipient with their own signed Approve and Decline links, valid 72 hours', async () => {
    const { notifier, sent } = setup();
    const dave = anApprover({ id: 'u-dave', email: 'dave@acme.example', name: 'Dave Approver' });
    await notifier.sendActivity({ activity: anActivity(), order: aWorkOrder({ version: 4 }), subscriber: aSubscriber(), to: [anApprover(), dave] });
    expect(sent.map((m) => m.to)).toEqual(['carol@acme.example', 'dave@acme.example']);
    expect(sent[0]).toMatchObject({
      subject: 'Approval needed: order WO-000123 (Add Enhanced Phone Service for Jane Doe (jdoe))',
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Provbot-Kind': 'activity', 'X-Provbot-Order': 'WO-000123', 'X-Provbot-Activity': 'Approval' },
    });
    const links = sent.map((m) => [...m.text.matchAll(/(Approve|Decline): https:\/\/provbot\.example\/links\/activity\/(\S+)/g)]);
    expect(links.map((l) => l.map((m) => m[1]))).toEqual([['Approve', 'Decline'], ['Approve', 'Decline']]);
    const expiresAt = new Date(now.getTime() + ACTIVITY_LINK_LIFETIME_MS);
    expect(signer.verifyActivity(links[0]![0]![2]!, now)).toEqual({
      activityId: 'act-1',
      decision: 'approve',
      recipientEmail: 'carol@acme.example',
      orderNumber: 'WO-000123',
      orderVersion: 4,
      expiresAt,
    });
    expect(signer.verifyActivity(links[0]![1]![2]!, now)).toMatchObject({ decision: 'reject', recipientEmail: 'carol@acme.example' });
    expect(signer.verifyActivity(links[1]![0]![2]!, now)).toMatchObject({ decision: 'approve', recipientEmail: 'dave@acme.example' });
    expect(signer.verifyActivity(links[0]![0]![2]!, expiresAt)).toEqual({ error: 'expired' });
  });

  it('emails other activities without links, and one copy per address', async () => {
    const { notifier, sent } = setup();
    const activity = anActivity({ kind: 'Shipping', assignee: { kind: 'group', role: 'Shipping' } });
    const shipper = anApprover({ email: 'Sid@acme.example', name: 'Sid Shipper' });
    await notifier.sendActivity({ activity, order: aWorkOrder(), subscriber: null, to: [shipper, { ...shipper, email: 'sid@ACME.example ' }] });
    expect(sent.map((m) => m.to)).toEqual(['Sid@acme.example']);
    expect(sent[0]!.text).not.toContain('/links/');
    expect(sent[0]!.headers).toMatchObject({ 'X-Provbot-Activity': 'Shipping' });
  });

  it('still sends to the other recipients when one address fails, then reports the failure', async () => {
    const { notifier, sent } = setup((to) => (to === 'carol@acme.example' ? 'the mail server refused it (550)' : null));
    const dave = anApprover({ email: 'dave@acme.example' });
    await expect(notifier.sendActivity({ activity: anActivity(), order: aWorkOrder(), subscriber: aSubscriber(), to: [anApprover(), dave] })).rejects.toThrow(
      'Could not send the approval email to 1 of 2 recipients (carol@acme.example: the mail server refused it (550))',
    );
    expect(sent.map((m) => m.to)).toEqual(['dave@acme.example']);
  });

  it('sends the order outcome to the subscriber', async () => {
    const { notifier, sent } = setup();
    await notifier.sendOrderOutcome({ order: aWorkOrder({ state: 'Completed' }), subscriber: aSubscriber(), outcome: 'provisioned' });
    await notifier.sendOrderOutcome({ order: aWorkOrder({ state: 'Cancelled' }), subscriber: aSubscriber(), outcome: 'rejected' });
    expect(sent.map((m) => [m.to, m.subject, m.headers?.['X-Provbot-Kind']])).toEqual([
      ['jane.doe@acme.example', 'Order WO-000123 is complete: Add Enhanced Phone Service', 'order-provisioned'],
      ['jane.doe@acme.example', 'Order WO-000123 was rejected: Add Enhanced Phone Service', 'order-rejected'],
    ]);
  });
});
