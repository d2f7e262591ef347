import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderSummary } from '../../../core/index';
import { emptySetup, orderSummaryOf } from '../../../core/index';
import type { ClosableEmailNotifier } from '../../../adapters/email/email-notifier';
import { createEmailNotifier } from '../../../adapters/email/email-notifier';
import { createLinkSigner } from '../../../adapters/email/links/link-signer';
import type { MailTransport } from '../../../adapters/email/mail-transport';
import { createMailTransport } from '../../../adapters/email/mail-transport';
import { FixedClock } from '../../fakes/fixed-clock';
import { pdfText } from '../../fakes/pdf-text';
import type { SmtpTestServer } from '../../fakes/smtp-test-server';
import { startSmtpTestServer } from '../../fakes/smtp-test-server';
import { customerForSetup } from '../../fixtures/customers-for-setup';

/**
 * The completed services setup's order summary by email ("Download Order Summary
 * (PDF)"), through the bot's own SMTP server: the PDF arrives attached.
 */
const clock = new FixedClock(new Date());
let server: SmtpTestServer;
let transport: MailTransport;
let notifier: ClosableEmailNotifier;

beforeEach(async () => {
  server = await startSmtpTestServer();
  transport = createMailTransport({ kind: 'smtp', url: server.url, timeoutMs: 2000 });
  notifier = createEmailNotifier({
    transport,
    from: 'provbot <provbot@partner.example>',
    publicUrl: 'https://provbot.example',
    adminPortalUrl: 'https://admin.webex.com',
    links: createLinkSigner('int-test-secret-int-test-secret-000042'),
    clock,
  });
});
afterEach(async () => {
  await notifier.close();
  await transport.close();
  await server.stop();
});

function completedSummary(name: string): OrderSummary {
  const customer = customerForSetup({ id: 'cust-mail', name });
  const setup = {
    ...emptySetup(customer.id, clock.now()),
    version: 3,
    state: 'completed' as const,
    countryOfOperation: 'GB',
    countryConfirmedAt: clock.now(),
    platform: 'webex-contact-center' as const,
    telephony: 'webex-calling' as const,
    submittedAt: clock.now(),
    submittedBy: 'pat@acme-partner.example',
    completedAt: clock.now(),
  };
  return orderSummaryOf(customer, setup)!;
}

describe('order summary email', () => {
  it('arrives at the SMTP server with the order summary PDF attached', async () => {
    const summary = completedSummary('Globex & Sons');
    await notifier.sendNotice({
      to: 'carla@globex.example',
      asUser: false,
      notice: { kind: 'order-summary', summary },
      smtp: null,
      idempotencyKey: 'order-summary:cust-mail:email:carla@globex.example',
      linkBase: null,
    });
    const mail = await server.waitFor((m) => m.envelope.to.includes('carla@globex.example'));
    expect(mail.headers.subject).toBe('Order summary for Globex & Sons: services setup completed');
    expect(mail.headers['x-provbot-kind']).toBe('order-summary');
    expect(mail.text).toContain('The order summary is attached as a PDF.');
    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf!.contentType).toBe('application/pdf');
    expect(pdf!.filename).toBe('order-summary-Globex-Sons.pdf');
    expect(pdf!.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Whole, not cut short on the way: a PDF ends with its %%EOF marker.
    expect(pdf!.content.subarray(-7).toString('latin1')).toMatch(/%%EOF\s*$/);
    const text = pdfText(pdf!.content);
    expect(text).toContain('Globex & Sons');
    expect(text).toContain('United Kingdom');
  });

  it('other notices carry no attachment', async () => {
    await notifier.sendNotice({
      to: 'carla@globex.example',
      asUser: false,
      notice: { kind: 'test', scope: 'system' },
      smtp: null,
      idempotencyKey: 'test-notice',
      linkBase: null,
    });
    const mail = await server.waitFor((m) => m.envelope.to.includes('carla@globex.example'));
    expect(mail.attachments).toEqual([]);
  });
});
