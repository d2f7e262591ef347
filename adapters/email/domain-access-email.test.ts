import { describe, expect, it } from 'vitest';
import type { AccessRequest, RequestedAction } from '../../core/index';
import { anAccessRequest } from '../../test/fixtures/core-values';
import { createEmailNotifier } from './email-notifier';
import { createLinkSigner } from './links/link-signer';
import type { MailTransport, OutgoingMail } from './mail-transport';

const now = new Date('2026-11-23T10:00:00Z');
const signer = createLinkSigner('unit-test-secret-unit-test-secret-0002');
const CREATE_TEMPLATE: RequestedAction = {
  kind: 'create-template',
  template: {
    domain: 'acme.example',
    name: 'Retail calling',
    subscriptionId: 'Sub-100',
    authenticationMethod: 'webex',
    language: 'en_US',
    timezone: 'America/New_York',
    packages: ['webex_meetings'],
  },
};
/** A request about the partner domain: no order, no one approver; every Administrator of it decides. */
const domainRequest = (overrides: Partial<AccessRequest> = {}) =>
  anAccessRequest({
    orderNumber: null,
    domain: 'acme.example',
    approver: null,
    action: CREATE_TEMPLATE,
    requester: { name: 'Olive Orderer', email: 'olive@acme.example', channel: 'teams', platformUserId: 'aad-olive' },
    ...overrides,
  });

function setup() {
  const sent: OutgoingMail[] = [];
  const transport: MailTransport = {
    description: 'recording',
    async send(message) {
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
  const send = (notice: Parameters<typeof notifier.sendNotice>[0]['notice'], to: string) =>
    notifier.sendNotice({ to, asUser: false, notice, smtp: null, idempotencyKey: `k:${to}`, linkBase: null });
  return { send, sent };
}

describe('email for a request to the administrators of a partner domain', () => {
  it('asks each administrator with links that decide as that administrator, naming the domain rather than an order', async () => {
    const { send, sent } = setup();
    await send({ kind: 'access-request', request: domainRequest(), order: null }, 'pia@acme.example');
    await send({ kind: 'access-request', request: domainRequest(), order: null }, 'paula@acme.example');
    expect(sent[0]).toMatchObject({
      subject: 'Approval needed: Olive Orderer asks for an onboarding change in acme.example',
      headers: { 'X-Provbot-Kind': 'access-request', 'X-Provbot-Domain': 'acme.example' },
    });
    expect(sent[0]!.text).toContain(
      'Olive Orderer (olive@acme.example) asks to create the onboarding template Retail calling in acme.example.',
    );
    expect(sent[0]!.text).toContain('The other administrators got this request too: the first answer counts.');
    expect(sent[0]!.text).not.toMatch(/order ORD|placed/);
    const approverOf = (mail: OutgoingMail) => {
      const token = /Approve: https:\/\/provbot\.example\/links\/access\/(\S+)/.exec(mail.text)![1]!;
      return signer.verify(token, now);
    };
    expect(approverOf(sent[0]!)).toMatchObject({
      requestId: 'req-1',
      decision: 'approve',
      approverEmail: 'pia@acme.example',
      action: 'create the onboarding template Retail calling in acme.example',
    });
    expect(approverOf(sent[1]!)).toMatchObject({ approverEmail: 'paula@acme.example' });
  });

  it('tells the requester who declined and whom to ask, without an order', async () => {
    const { send, sent } = setup();
    const declined = domainRequest({
      status: 'Declined',
      decidedBy: { name: 'Pia Partner', email: 'pia@acme.example', channel: 'email' },
      decidedAt: now,
    });
    await send({ kind: 'access-decision', request: declined }, 'olive@acme.example');
    expect(sent[0]!.subject).toBe('Declined: your request in acme.example');
    expect(sent[0]!.text).toContain('Pia Partner declined your request to create the onboarding template Retail calling in acme.example.');
    expect(sent[0]!.text).toContain('contact Pia Partner, an administrator of acme.example.');
  });

  it('tells the requester what the approved write made, as an administrator doing it would see it', async () => {
    const { send, sent } = setup();
    const template = {
      ...(CREATE_TEMPLATE.kind === 'create-template' ? CREATE_TEMPLATE.template : ({} as never)),
      id: 'tpl-1',
      pstnVendor: null,
      provisioningId: '5f0c7f1e-0000-4000-8000-000000000000',
      createdBy: { name: 'Olive Orderer', email: 'olive@acme.example' },
      createdAt: now,
      customerCount: 0,
    };
    const approved = domainRequest({
      status: 'Approved',
      decidedBy: { name: 'Pia Partner', email: 'pia@acme.example', channel: 'slack' },
      decidedAt: now,
      outcome: { ok: true, result: { kind: 'template-created', template } },
    });
    await send({ kind: 'access-decision', request: approved }, 'olive@acme.example');
    expect(sent[0]!.subject).toBe('Approved: your request in acme.example');
    expect(sent[0]!.text).toContain('Pia Partner approved your request to create the onboarding template Retail calling in acme.example.');
    expect(sent[0]!.text).toContain('Onboarding template Retail calling created');
    expect(sent[0]!.text).toContain('5f0c7f1e-0000-4000-8000-000000000000');
  });
});
