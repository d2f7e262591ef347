import { describe, expect, it } from 'vitest';
import { anAccessRequest, anApprovedRequest, anOrder } from '../../test/fixtures/core-values';
import { DeliveryRefused } from '../../core/index';
import type { EmailNotifier } from '../../core/index';
import { bareAddress, createEmailNotifier, messageIdFor } from './email-notifier';
import { aSubscriber, aWorkOrder, anActivity } from '../../test/fixtures/workflow-values';
import { ACTIVITY_LINK_LIFETIME_MS, createLinkSigner, DEFAULT_LINK_LIFETIME_MS, isLinkError } from './links/link-signer';
import type { MailTransport, OutgoingMail } from './mail-transport';
import { MailTransportError } from './smtp-error';

const now = new Date('2026-11-23T10:00:00Z');
const signer = createLinkSigner('unit-test-secret-unit-test-secret-0001');

function setup(fail?: string | ((to: string) => Error | null)) {
  const sent: OutgoingMail[] = [];
  const transport: MailTransport = {
    description: 'recording',
    async send(message) {
      const failure = typeof fail === 'function' ? fail(message.to) : fail && new Error(fail);
      if (failure) throw failure;
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

const message = () => ({ activity: anActivity(), order: aWorkOrder({ version: 4 }), subscriber: aSubscriber() });
/** An approval for Dave, a directory user, through the bot's own transport. */
const notice = (): Parameters<EmailNotifier['sendNotice']>[0] => ({
  to: 'dave@acme.example',
  asUser: true,
  notice: { kind: 'activity', ...message(), escalatedAfterMinutes: null },
  smtp: null,
  idempotencyKey: 'activity:act-1:email:dave',
  linkBase: null,
});

/** Mail to partners, as the outbox hands it over. */
const partner = (notice: Parameters<EmailNotifier['sendNotice']>[0]['notice'], to: string): Parameters<EmailNotifier['sendNotice']>[0] => ({
  to,
  asUser: false,
  notice,
  smtp: null,
  idempotencyKey: `partner:${to}`,
  linkBase: null,
});

describe('email notifier', () => {
  it('exposes the bare MAIL_FROM address as the sender to allowlist', () => {
    expect(setup().notifier.senderAddress).toBe('provbot@partner.example');
    expect(bareAddress('"Prov, Bot" <bot@x.example>')).toBe('bot@x.example');
    expect(bareAddress(' bot@x.example ')).toBe('bot@x.example');
  });

  it('sends the provisioning email to the given contact, from MAIL_FROM, marked as automatic', async () => {
    const { notifier, sent } = setup();
    const order = anOrder();
    await notifier.sendNotice(
      partner(
        { kind: 'provisioning-email', order, line: { ...order.lines[1]!, provisioningContactEmail: 'new@customer.example' } },
        'new@customer.example',
      ),
    );
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
    await notifier.sendNotice(
      partner({ kind: 'access-request', request: anAccessRequest(), order: anOrder() }, 'alice@acme-partner.example'),
    );
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
    await notifier.sendNotice(partner({ kind: 'access-decision', request: anApprovedRequest(null) }, 'bob@other-partner.example'));
    expect(sent[0]).toMatchObject({ to: 'bob@other-partner.example', subject: 'Approved: your request on order ORD-1' });
  });

  it('lets a transport failure reach the core with its message', async () => {
    const { notifier } = setup('Could not send the email: the mail server is unreachable');
    const order = anOrder();
    await expect(
      notifier.sendNotice(partner({ kind: 'provisioning-email', order, line: order.lines[0]! }, 'it@customer.example')),
    ).rejects.toThrow('Could not send the email: the mail server is unreachable');
  });

  it('sends an approval to a directory user with their own signed Approve and Decline links, valid 72 hours, at the content URL', async () => {
    const { notifier, sent } = setup();
    await notifier.sendNotice({ ...notice(), to: 'dave@acme.example', linkBase: 'https://prov.acme.example:8443/' });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      from: 'provbot <provbot@partner.example>',
      to: 'dave@acme.example',
      subject: 'Approval needed: order WO-000123 (Add Enhanced Phone Service for Jane Doe (jdoe))',
      headers: {
        'Auto-Submitted': 'auto-generated',
        'X-Provbot-Kind': 'activity',
        'X-Provbot-Order': 'WO-000123',
        'X-Provbot-Activity': 'Approval',
        'X-Provbot-Delivery': 'activity:act-1:email:dave',
      },
    });
    const links = [...sent[0]!.text.matchAll(/(Approve|Reject order): https:\/\/prov\.acme\.example:8443\/links\/activity\/(\S+)/g)];
    expect(links.map((m) => m[1])).toEqual(['Approve', 'Reject order']);
    const expiresAt = new Date(now.getTime() + ACTIVITY_LINK_LIFETIME_MS);
    expect(signer.verifyActivity(links[0]![2]!, now)).toEqual({
      activityId: 'act-1',
      decision: 'approve',
      recipientEmail: 'dave@acme.example',
      orderNumber: 'WO-000123',
      orderVersion: 4,
      expiresAt,
    });
    expect(signer.verifyActivity(links[1]![2]!, now)).toMatchObject({ decision: 'reject', recipientEmail: 'dave@acme.example' });
    expect(signer.verifyActivity(links[0]![2]!, expiresAt)).toEqual({ error: 'expired' });
  });

  it('links to the public URL when no content URL is set', async () => {
    const { notifier, sent } = setup();
    await notifier.sendNotice({ ...notice(), linkBase: null });
    expect(sent[0]!.text).toMatch(/Approve: https:\/\/provbot\.example\/links\/activity\/\S+/);
  });

  it('sends an external address the approval without any link', async () => {
    const { notifier, sent } = setup();
    await notifier.sendNotice({ ...notice(), to: 'approvals@partner.example', asUser: false });
    expect(sent[0]!.to).toBe('approvals@partner.example');
    expect(sent[0]!.text).not.toContain('/links/');
    expect(sent[0]!.html).not.toContain('/links/');
  });

  it('gives the same delivery key the same Message-ID, and another key another', async () => {
    const { notifier, sent } = setup();
    await notifier.sendNotice(notice());
    await notifier.sendNotice(notice());
    await notifier.sendNotice({ ...notice(), idempotencyKey: 'activity:act-1:email:erin' });
    expect(sent[0]!.messageId).toMatch(/^<[0-9a-f]{32}@provbot>$/);
    expect(sent[1]!.messageId).toBe(sent[0]!.messageId);
    expect(sent[2]!.messageId).not.toBe(sent[0]!.messageId);
    expect(messageIdFor('activity:act-1:email:dave')).toBe(sent[0]!.messageId);
  });

  it('signs links per open approval in a digest, for the recipient', async () => {
    const { notifier, sent } = setup();
    const second = { activity: anActivity({ id: 'act-2' }), order: aWorkOrder({ number: 'WO-000124', version: 2 }), subscriber: null };
    const digest = {
      kind: 'digest' as const,
      eventType: 'Approval' as const,
      domain: 'acme.example',
      group: 'Approval' as const,
      items: [message(), second],
    };
    await notifier.sendNotice({ ...notice(), notice: digest });
    expect(sent[0]!.subject).toBe('2 order approvals waiting in acme.example');
    const approvals = [...sent[0]!.text.matchAll(/Approve (WO-\d+): https:\/\/\S+\/links\/activity\/(\S+)/g)];
    expect(approvals.map((m) => [m[1], signer.verifyActivity(m[2]!, now)])).toEqual([
      ['WO-000123', expect.objectContaining({ activityId: 'act-1', orderVersion: 4, recipientEmail: 'dave@acme.example' })],
      ['WO-000124', expect.objectContaining({ activityId: 'act-2', orderVersion: 2, recipientEmail: 'dave@acme.example' })],
    ]);
  });

  it('sends the order outcome with the subscriber templates', async () => {
    const { notifier, sent } = setup();
    for (const [state, outcome] of [
      ['Completed', 'provisioned'],
      ['Cancelled', 'rejected'],
    ] as const) {
      const content = { kind: 'order-outcome' as const, order: aWorkOrder({ state }), subscriber: aSubscriber(), outcome, approval: null };
      await notifier.sendNotice({ ...notice(), to: 'jane.doe@acme.example', asUser: false, notice: content });
    }
    expect(sent.map((m) => [m.to, m.subject, m.headers?.['X-Provbot-Kind']])).toEqual([
      ['jane.doe@acme.example', 'Order WO-000123 is complete: Add Enhanced Phone Service', 'order-provisioned'],
      ['jane.doe@acme.example', 'Order WO-000123 was rejected: Add Enhanced Phone Service', 'order-rejected'],
    ]);
  });

  it('refuses a malformed address for good, sending nothing', async () => {
    const { notifier, sent } = setup();
    for (const to of ['not-an-address', 'a@b.example\r\nBcc: x@y.example', '']) {
      const error = await notifier.sendNotice({ ...notice(), to }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeliveryRefused);
      expect(error).toMatchObject({ permanent: true });
    }
    expect(await notifier.sendNotice({ ...notice(), to: 'nope' }).catch((e: Error) => e.message)).toBe(
      '"nope" is not a valid email address',
    );
    expect(sent).toHaveLength(0);
  });

  it('makes a 5xx refusal of the recipient permanent, and leaves 4xx and refusals of our own settings to be retried', async () => {
    const refusal = (code: number, command: string) =>
      new MailTransportError(`Could not send the email: the mail server at mx:25 refused it (${code})`, {
        failure: 'refused',
        responseCode: code,
        command,
        cause: null,
      });
    const outcome = async (err: Error) => {
      const { notifier } = setup(() => err);
      return notifier.sendNotice(notice()).catch((e: unknown) => e);
    };
    for (const [code, command] of [
      [550, 'RCPT TO'],
      [553, 'RCPT TO'],
      [554, 'DATA'],
    ] as const) {
      const error = await outcome(refusal(code, command));
      expect(error).toBeInstanceOf(DeliveryRefused);
      expect(error).toMatchObject({ permanent: true, message: `Could not send the email: the mail server at mx:25 refused it (${code})` });
    }
    for (const [code, command] of [
      [451, 'RCPT TO'],
      [452, 'DATA'],
      [552, 'RCPT TO'],
      [550, 'MAIL FROM'],
    ] as const) {
      const error = await outcome(refusal(code, command));
      expect(error).toBeInstanceOf(MailTransportError);
      expect(error).not.toBeInstanceOf(DeliveryRefused);
    }
    const login = new MailTransportError('Could not send the email: the mail server at mx:25 refused the login (535)', {
      failure: 'login',
      responseCode: 535,
      command: 'AUTH PLAIN',
      cause: null,
    });
    expect(await outcome(login)).not.toBeInstanceOf(DeliveryRefused);
  });

  it('sends a test email through its own transport when no settings are given', async () => {
    const { notifier, sent } = setup();
    await notifier.sendTestEmail({ to: 'admin@acme.example', smtp: null, scope: 'system' });
    expect(sent[0]).toMatchObject({
      to: 'admin@acme.example',
      from: 'provbot <provbot@partner.example>',
      subject: 'provbot test email: system notification settings',
    });
    expect(sent[0]!.text).toContain('Mail server: recording');
  });
});
