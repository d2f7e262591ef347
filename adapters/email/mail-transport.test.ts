import { describe, expect, it } from 'vitest';
import { createMailTransport, redactSmtpUrl, ZMailTransportConfig } from './mail-transport';

describe('mail transport config', () => {
  it('accepts smtp and smtps URLs with a 10 s default timeout', () => {
    expect(ZMailTransportConfig.parse({ kind: 'smtp', url: 'smtps://u:p@mail.example:465' })).toEqual({
      kind: 'smtp',
      url: 'smtps://u:p@mail.example:465',
      timeoutMs: 10_000,
    });
    expect(ZMailTransportConfig.parse({ kind: 'outbox', dir: 'data/outbox' })).toEqual({ kind: 'outbox', dir: 'data/outbox' });
  });

  it('refuses other schemes and unknown kinds', () => {
    expect(() => createMailTransport({ kind: 'smtp', url: 'http://mail.example' })).toThrow(/smtp:\/\/user:pass@host/);
    expect(ZMailTransportConfig.safeParse({ kind: 'sendmail' }).success).toBe(false);
    expect(ZMailTransportConfig.safeParse({ kind: 'outbox', dir: '' }).success).toBe(false);
  });

  it('never shows the password in its description', async () => {
    const transport = createMailTransport({ kind: 'smtp', url: 'smtp://mailer:p%40ss-s3cret@mail.example:587?pass=s3cret' });
    expect(transport.description).toBe('smtp://mailer:***@mail.example:587?***');
    expect(transport.description).not.toContain('s3cret');
    await transport.close();
  });

  it('redacts without choking on a URL it cannot parse', () => {
    expect(redactSmtpUrl('smtp://a:b@[bad')).toBe('smtp://(unparseable URL)');
    expect(redactSmtpUrl('smtp://mail.example:25')).toBe('smtp://mail.example:25');
  });
});
