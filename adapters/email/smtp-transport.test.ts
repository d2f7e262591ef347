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

  it('words a nodemailer error for a reader and cuts the password out of it', () => {
    const raw = Object.assign(new Error('Invalid login: 535 Authentication failed for s3cret-pw'), { code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' });
    const error = toMailTransportError(raw, 'send the email', 'mail.acme.example:587', 's3cret-pw');
    expect(error.message).toBe('Could not send the email: the mail server at mail.acme.example:587 refused the login (Invalid login: 535 Authentication failed for ***)');
    expect(error).toMatchObject({ failure: 'login', responseCode: 535, command: 'AUTH PLAIN' });
  });
});
