import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { messageActivity, personalChat, rosterEntry, teamsUser } from '../../fakes/bot-activities';
import { startInMemoryTeamsBot } from './in-memory-teams-bot';
import { startTeamsBot } from './teams-bot';
import type { TeamsBot } from './teams-e2e-helpers';

const ALICE = teamsUser('alice', 'Alice Placer', 'alice@acme-partner.example');
const APP_ID = '11111111-2222-3333-4444-555555555555';
const APP_PASSWORD = 'dummy-app-password-never-logged';

/** A JWT nobody signed, from an issuer the Bot Framework does not use: botbuilder rejects it without fetching keys. */
const FORGED_TOKEN = [
  { alg: 'RS256', typ: 'JWT' },
  { iss: 'https://issuer.example', aud: APP_ID, serviceurl: 'x' },
]
  .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
  .concat('c2lnbmF0dXJl')
  .join('.');

/**
 * A well-formed Bot Framework token (its issuer, audience and service URL right, a key id,
 * RS256-signed) with a key the Bot Framework never published: botbuilder has to fetch the
 * signing keys to judge it, and cannot verify it (here the key host is out of reach; where
 * it answers, the key id is unknown).
 */
function unverifiableToken(serviceUrl: string): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const nowSeconds = Math.floor(Date.now() / 1000); // botbuilder checks expiry against the real clock
  const [header, payload] = [
    { alg: 'RS256', typ: 'JWT', kid: 'provbot-unpublished-key' },
    { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: serviceUrl, nbf: nowSeconds - 60, exp: nowSeconds + 3600 },
  ].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'));
  return `${header}.${payload}.${sign('sha256', Buffer.from(`${header}.${payload}`), privateKey).toString('base64url')}`;
}

describe('Teams endpoint in local mode: bodies that are not activities', () => {
  let bot: TeamsBot;
  beforeAll(async () => {
    bot = await startTeamsBot({ roster: [rosterEntry(ALICE)] });
  });
  afterAll(() => bot?.stop());

  it('answers a body over 256 kB with 413', async () => {
    const activity = messageActivity(personalChat(bot.connector.url, ALICE), ALICE, 'x'.repeat(300_000));
    const res = await bot.post(activity);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatch(/too large/i);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await bot.post('{"type":"message",');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/not valid JSON/i);
  });

  it.each([
    ['an array', [1, 2]],
    ['an activity without serviceUrl', { ...messageActivity(personalChat('http://x/', ALICE), ALICE, 'help'), serviceUrl: undefined }],
    ['an activity with a non-http serviceUrl', messageActivity(personalChat('file:///etc/', ALICE), ALICE, 'help')],
    ['an activity without a sender', { ...messageActivity(personalChat('http://x/', ALICE), ALICE, 'help'), from: undefined }],
  ])('answers %s with 400 naming the problem, and calls nobody', async (_what, body) => {
    const res = await bot.post(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/Bot Framework activity/);
    expect(bot.connector.calls).toEqual([]);
  });
});

describe('Teams endpoint in authenticated mode', () => {
  let bot: TeamsBot;
  beforeAll(async () => {
    bot = await startTeamsBot({ roster: [rosterEntry(ALICE)], env: { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: APP_PASSWORD } });
  });
  afterAll(() => bot?.stop());

  it.each([
    ['no Authorization header', {}],
    ['a token that is not a JWT', { authorization: 'Bearer not-a-jwt' }],
    ['a forged token', { authorization: `Bearer ${FORGED_TOKEN}` }],
    ['another scheme', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
  ])('refuses an activity with %s: 401, and nothing runs', async (_what, headers) => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // botbuilder prints each refusal
    const chat = { ...personalChat(bot.connector.url, ALICE), appId: APP_ID };
    const res = await bot.post(messageActivity(chat, ALICE, 'help'), headers);
    expect(res.status).toBe(401);
    expect(bot.connector.calls).toEqual([]);
  });
  afterEach(() => vi.restoreAllMocks());
});

describe('Teams adapter logs', () => {
  it('never carry the app password or a bearer token, whatever happens', async () => {
    const printed: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation(
        (...args: unknown[]) => void printed.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' ')),
      );
    }
    const bot = await startInMemoryTeamsBot({
      roster: [rosterEntry(ALICE)],
      credentials: { mode: 'authenticated', appId: APP_ID, appPassword: APP_PASSWORD, appType: 'MultiTenant' },
    });
    try {
      const chat = { ...personalChat(bot.connector.url, ALICE), appId: APP_ID };
      for (const authorization of [`Bearer ${FORGED_TOKEN}`, 'Bearer not-a-jwt', '']) {
        expect((await bot.post(messageActivity(chat, ALICE, 'help'), authorization ? { authorization } : {})).status).toBe(401);
      }
      const everything = JSON.stringify(bot.log.lines) + printed.join('\n');
      expect(printed.length + bot.log.lines.length).toBeGreaterThan(0);
      for (const secret of [APP_PASSWORD, FORGED_TOKEN, 'not-a-jwt']) expect(everything).not.toContain(secret);
    } finally {
      await bot.stop();
      vi.restoreAllMocks();
    }
  });
});

describe('Teams endpoint in authenticated mode: a well-formed token that does not verify', () => {
  it('gets 401 with no detail, logged through the logger and nothing printed', async () => {
    const printed: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
    }
    const bot = await startInMemoryTeamsBot({
      roster: [rosterEntry(ALICE)],
      credentials: { mode: 'authenticated', appId: APP_ID, appPassword: APP_PASSWORD, appType: 'MultiTenant' },
    });
    try {
      const chat = { ...personalChat(bot.connector.url, ALICE), appId: APP_ID };
      const res = await bot.post(messageActivity(chat, ALICE, 'help'), { authorization: `Bearer ${unverifiableToken(chat.serviceUrl)}` });
      expect({ status: res.status, body: res.body }).toEqual({ status: 401, body: { error: 'A valid Bot Framework token is required.' } });
      expect(printed).toEqual([]);
      expect(bot.log.lines.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([
        'Teams activity refused: its token did not verify',
      ]);
      expect(bot.connector.calls).toEqual([]);
    } finally {
      await bot.stop();
      vi.restoreAllMocks();
    }
  });
});
