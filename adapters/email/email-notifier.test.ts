import { describe, expect, it } from 'vitest';
import { anAccessRequest, anApprovedRequest, anOrder } from '../../test/fixtures/core-values';
import { bareAddress, createEmailNotifier } from './email-notifier';
import { createLinkSigner, DEFAULT_LINK_LIFETIME_MS, isLinkError } from './links/link-signer';
import type { MailTransport, OutgoingMail } from './mail-transport';

const now = new Date('2026-11-23T10:00:00Z');
const signer = createLinkSigner('unit-test-secret-unit-test-secret-0001');

function setup(fail?: string) {
  const sent: OutgoingMail[] = [];
  const transport: MailTransport = {
    description: 'recording',
    async send(message) {
      if (fail) throw new Error(fail);
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
});
