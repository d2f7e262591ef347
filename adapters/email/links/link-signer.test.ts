import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_LINK_LIFETIME_MS, createLinkSigner, DEFAULT_LINK_LIFETIME_MS } from './link-signer';

const SECRET = 'test-secret-test-secret-test-secret-0123';
const signer = createLinkSigner(SECRET);
const now = new Date('2026-11-23T10:00:00Z');
const expiresAt = new Date(now.getTime() + DEFAULT_LINK_LIFETIME_MS);
const payload = {
  requestId: 'req-1',
  decision: 'approve' as const,
  approverEmail: 'alice@acme-partner.example',
  approverName: 'Alice Placer',
  requester: 'Bob (bob@x.example)',
  action: 'resend the provisioning email for line 2 on order ORD-1',
  expiresAt,
};

/** Signs an arbitrary body the way the signer does, to test what a valid signature over bad data yields. */
const signRaw = (body: string) => `${body}.${createHmac('sha256', SECRET).update(`provbot.access-link.v1.${body}`).digest('base64url')}`;

describe('link signer', () => {
  it('verifies its own token and returns the payload', () => {
    const token = signer.sign(payload);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(signer.verify(token, now)).toEqual(payload);
  });

  it('defaults to a lifetime of 7 days', () => {
    expect(DEFAULT_LINK_LIFETIME_MS).toBe(7 * 24 * 3600 * 1000);
  });

  it('rejects a payload changed after signing (approve turned into decline)', () => {
    const [body, sig] = signer.sign(payload).split('.');
    const json = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...json, d: 'decline' })).toString('base64url');
    expect(signer.verify(`${forged}.${sig}`, now)).toEqual({ error: 'bad-signature' });
  });

  it('rejects a changed signature, including one that decodes to the same bytes', () => {
    const token = signer.sign(payload);
    const i = token.indexOf('.') + 5;
    const flipped = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    expect(signer.verify(flipped, now)).toEqual({ error: 'bad-signature' });
    // 32 bytes are 43 base64url characters; the last one carries 2 unused bits.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = token.at(-1)!;
    const sibling = alphabet[alphabet.indexOf(last) ^ 1]!;
    const sig = token.split('.')[1]!;
    expect(Buffer.from(sig.slice(0, -1) + sibling, 'base64url')).toEqual(Buffer.from(sig, 'base64url'));
    expect(signer.verify(token.slice(0, -1) + sibling, now)).toEqual({ error: 'bad-signature' });
  });

  it('rejects a token signed with another secret', () => {
    const other = createLinkSigner('another-secret-another-secret-another-1');
    expect(signer.verify(other.sign(payload), now)).toEqual({ error: 'bad-signature' });
  });

  it('expires at expiresAt, not a millisecond before', () => {
    const token = signer.sign(payload);
    expect(signer.verify(token, new Date(expiresAt.getTime() - 1))).toEqual(payload);
    expect(signer.verify(token, expiresAt)).toEqual({ error: 'expired' });
  });

  it('checks the signature before the expiry, so a forged token never learns it is merely expired', () => {
    const token = signer.sign({ ...payload, expiresAt: new Date(now.getTime() - 1000) });
    expect(signer.verify(token, now)).toEqual({ error: 'expired' });
    expect(signer.verify(`${token.slice(0, -2)}xx`, now)).toEqual({ error: 'bad-signature' });
  });

  it.each([
    ['empty', ''],
    ['no dot', 'abcdef'],
    ['three parts', 'a.b.c'],
    ['characters outside base64url', 'ab+c.de/f'],
    ['too long', `${'a'.repeat(3000)}.b`],
  ])('calls a token malformed: %s', (_why, token) => {
    expect(signer.verify(token, now)).toEqual({ error: 'malformed' });
  });

  it('calls a correctly signed body that is not a link payload malformed', () => {
    expect(signer.verify(signRaw(Buffer.from('not json').toString('base64url')), now)).toEqual({ error: 'malformed' });
    const wrongShape = Buffer.from(JSON.stringify({ v: 1, r: 'req-1', d: 'delete', e: 'a@b.c', x: 9e12 })).toString('base64url');
    expect(signer.verify(signRaw(wrongShape), now)).toEqual({ error: 'malformed' });
  });

  it('refuses a short secret', () => {
    expect(() => createLinkSigner('too-short')).toThrow(/at least 32 characters/);
  });
});

describe('activity link signer', () => {
  const activityExpiresAt = new Date(now.getTime() + ACTIVITY_LINK_LIFETIME_MS);
  const activity = {
    activityId: 'act-1',
    decision: 'reject' as const,
    recipientEmail: 'approver@acme.example',
    orderNumber: 'WO-000001',
    orderVersion: 3,
    expiresAt: activityExpiresAt,
  };

  it('verifies its own token and returns the recipient, activity, decision and order version', () => {
    expect(signer.verifyActivity(signer.signActivity(activity), now)).toEqual(activity);
  });

  it('lives 72 hours and expires at expiresAt', () => {
    expect(ACTIVITY_LINK_LIFETIME_MS).toBe(72 * 3600 * 1000);
    const token = signer.signActivity(activity);
    expect(signer.verifyActivity(token, new Date(activityExpiresAt.getTime() - 1))).toEqual(activity);
    expect(signer.verifyActivity(token, activityExpiresAt)).toEqual({ error: 'expired' });
  });

  it('rejects a changed decision or order version', () => {
    const [body, sig] = signer.signActivity(activity).split('.');
    const json = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'));
    for (const change of [{ d: 'approve' }, { w: 4 }, { e: 'mallory@x.example' }]) {
      const forged = Buffer.from(JSON.stringify({ ...json, ...change })).toString('base64url');
      expect(signer.verifyActivity(`${forged}.${sig}`, now)).toEqual({ error: 'bad-signature' });
    }
  });

  it('never accepts an access-request token as an activity link, nor the reverse', () => {
    expect(signer.verifyActivity(signer.sign(payload), now)).toEqual({ error: 'bad-signature' });
    expect(signer.verify(signer.signActivity(activity), now)).toEqual({ error: 'bad-signature' });
  });
});
