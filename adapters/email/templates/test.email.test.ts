import { describe, expect, it } from 'vitest';
import { testEmail } from './test.email';

describe('test email', () => {
  it('names the settings it tested, never a password, and that testing does not save them', () => {
    const email = testEmail({
      scope: 'acme.example',
      server: 'smtp://provbot:***@mail.acme.example:587',
      from: 'provbot@acme.example',
      sentAt: '2026-11-23 10:00 UTC',
    });
    expect(email.subject).toBe('provbot test email: acme.example notification settings');
    expect(email.text).toContain('Mail server: smtp://provbot:***@mail.acme.example:587');
    expect(email.text).toContain('From address: provbot@acme.example');
    expect(email.text).toContain('A test does not save the settings');
  });
});
