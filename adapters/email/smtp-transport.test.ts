import { describe, expect, it } from 'vitest';
import { toMailTransportError } from './smtp-error';
import { smtpSettingsTransport } from './smtp-transport';
import { createSmtpTransportCache } from './smtp-transport-cache';

const settings = { host: 'mail.acme.example', port: 587, user: 'prov bot', password: 's3cret-pw', from: 'provbot@acme.example' };

describe('SMTP transports from notification settings', () => {
  it('describes the server without the password, with the default port 25 and smtps for 465', async () => {
    const described = [
      smtpSettingsTransport(settings),
      smtpSettingsTransport({ ...settings, port: null, user: null, password: null }),
      smtpSettingsTransport({ ...settings, port: 465 }),
    ];
    expect(described.map((t) => t.description)).toEqual([
      'smtp://prov%20bot:***@mail.acme.example:587',
      'smtp://mail.acme.example:25',
      'smtps://prov%20bot:***@mail.acme.example:465',
    ]);
    await Promise.all(described.map((t) => t.close()));
  });

  it('keeps one transport per connection settings, whatever the From address', async () => {
    const cache = createSmtpTransportCache();
    const first = cache.get(settings);
    expect(cache.get({ ...settings, from: 'other@acme.example' })).toBe(first);
    expect(cache.get({ ...settings, password: 'new-password' })).not.toBe(first);
    await cache.closeAll();
    expect(cache.get(settings)).not.toBe(first);
    await cache.closeAll();
  });

  it('words a nodemailer error for a reader with the SMTP codes only, never the text the server sent', () => {
    const raw = Object.assign(new Error('Invalid login: 535 5.7.8 Authentication failed for s3cret-pw'), {
      code: 'EAUTH',
      response: '535 5.7.8 Authentication failed for s3cret-pw',
      responseCode: 535,
      command: 'AUTH PLAIN',
    });
    const error = toMailTransportError(raw, 'send the email', 'mail.acme.example:587', 's3cret-pw');
    expect(error.message).toBe('Could not send the email: the mail server at mail.acme.example:587 refused the login (SMTP 535 5.7.8)');
    expect(error).toMatchObject({ failure: 'login', responseCode: 535, command: 'AUTH PLAIN' });
  });

  const nodemailerError = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);
  it.each([
    [
      'a greeting from another service',
      nodemailerError('Invalid greeting. response=SSH-2.0-OpenSSH_9.6: SSH-2.0-OpenSSH_9.6', {
        code: 'EPROTOCOL',
        response: 'SSH-2.0-OpenSSH_9.6',
        command: 'CONN',
      }),
      'not-smtp',
      'is not an SMTP server (it did not greet as one)',
    ],
    [
      'a refused connection',
      nodemailerError('connect ECONNREFUSED 10.0.0.5:25', { code: 'ESOCKET', command: 'CONN' }),
      'unreachable',
      'is unreachable: connection refused',
    ],
    [
      'a name not found',
      nodemailerError('getaddrinfo ENOTFOUND mx.nowhere', { code: 'EDNS', command: 'CONN' }),
      'unreachable',
      'is unreachable: its name was not found',
    ],
    ['a timeout', nodemailerError('Greeting never received', { code: 'ETIMEDOUT', command: 'CONN' }), 'timeout', 'did not answer in time'],
    [
      'an expired certificate',
      nodemailerError('certificate has expired', { code: 'ESOCKET', command: 'CONN' }),
      'tls',
      'failed to set up TLS',
    ],
    [
      'a failed STARTTLS',
      nodemailerError('Error initiating TLS - boom', { code: 'ETLS', command: 'STARTTLS' }),
      'tls',
      'failed to set up TLS',
    ],
    [
      'a recipient refused',
      nodemailerError("Can't send mail - all recipients were rejected: 550 5.1.1 <x@y> User unknown here", {
        code: 'EENVELOPE',
        response: '550 5.1.1 <x@y> User unknown here',
        responseCode: 550,
        command: 'RCPT TO',
      }),
      'refused',
      'refused the recipient (SMTP 550 5.1.1)',
    ],
    [
      'a 421 at EHLO',
      nodemailerError('Server terminates connection. response=421 bye: 421 bye', {
        code: 'ECONNECTION',
        response: '421 bye',
        responseCode: 421,
        command: 'EHLO',
      }),
      'unreachable',
      'closed the connection (SMTP 421)',
    ],
  ])('says %s in words', (_what, raw, failure, words) => {
    const error = toMailTransportError(raw, 'send the email', 'mx.acme.example:25', null);
    expect(error.message.startsWith(`Could not send the email: the mail server at mx.acme.example:25 ${words}`)).toBe(true);
    expect(error.failure).toBe(failure);
    expect(error.message).not.toMatch(/SSH|User unknown|bye|boom|ENOTFOUND mx|expired/);
  });
});
