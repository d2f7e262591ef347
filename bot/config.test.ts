import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

/** Production needs the settings key (32 bytes, base64) and the link secret. */
const PROD = { NODE_ENV: 'production', SETTINGS_KEY: Buffer.alloc(32, 7).toString('base64'), LINK_SECRET: 'l'.repeat(32) };

describe('loadConfig', () => {
  it('runs on embedded defaults: SQLite, outbox, Teams local mode, Slack off with the reason', () => {
    const c = loadConfig({});
    expect(c.env).toMatchObject({
      PORT: 3978,
      DATABASE_URL: 'file:./data/provbot.db',
      ADMIN_PORTAL_URL: 'https://admin.webex.com',
      SLACK_API_URL: 'https://slack.com/api/',
    });
    expect(c.publicUrl).toBe('http://localhost:3978');
    expect(c.slack).toEqual({ mode: 'off', why: expect.stringContaining('SLACK_BOT_TOKEN') });
    expect(c.teams).toMatchObject({ mode: 'local' });
  });

  it('listens on loopback only in Teams local mode, on every interface otherwise, or where HOST says', () => {
    expect(loadConfig({}).listen).toEqual({ host: '127.0.0.1', why: expect.stringContaining('Teams local mode') });
    expect(loadConfig({ MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'pw' }).listen).toEqual({
      host: undefined,
      why: 'every interface',
    });
    expect(loadConfig(PROD).listen.host).toBeUndefined();
    expect(loadConfig({ HOST: '0.0.0.0' }).listen).toEqual({ host: '0.0.0.0', why: 'HOST' });
  });

  it('needs the SMTP-password key in production, as 32 bytes; generates one in development', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SETTINGS_KEY: NODE_ENV=production needs SETTINGS_KEY/);
    expect(() => loadConfig({ SETTINGS_KEY: 'too-short' })).toThrow(/SETTINGS_KEY must be 32 bytes/);
    expect(loadConfig({ SETTINGS_KEY: 'ab'.repeat(32) }).env.SETTINGS_KEY).toBe('ab'.repeat(32));
    expect(loadConfig({}).env.SETTINGS_KEY).toBeUndefined();
    expect(loadConfig({}).env.SETTINGS_KEY_FILE).toBe('data/settings.key');
  });

  it('needs the link-signing secret in production, at least 32 characters; keeps one in the database in development', () => {
    const { LINK_SECRET: _, ...withoutSecret } = PROD;
    expect(() => loadConfig(withoutSecret)).toThrow(ConfigError);
    expect(() => loadConfig(withoutSecret)).toThrow(/LINK_SECRET: NODE_ENV=production needs LINK_SECRET/);
    expect(() => loadConfig({ ...PROD, LINK_SECRET: 'short' })).toThrow(/LINK_SECRET must be at least 32 characters/);
    expect(loadConfig(PROD).env.LINK_SECRET).toBe('l'.repeat(32));
    expect(loadConfig({}).env.LINK_SECRET).toBeUndefined();
  });

  it('checks the notification schedule and the delivery policy', () => {
    expect(loadConfig({}).env).toMatchObject({
      NOTIFY_SCHEDULE: '*/10 * * * * *',
      DELIVERY_RETRY_HORIZON_HOURS: 24,
      DELIVERY_RETRY_BASE_MS: 2000,
      DELIVERY_RETRY_MAX_MS: 300000,
      DELIVERY_LEASE_MS: 60000,
      DELIVERY_CALL_TIMEOUT_MS: 10000,
    });
    expect(() => loadConfig({ NOTIFY_SCHEDULE: 'every minute' })).toThrow(/NOTIFY_SCHEDULE must be a cron expression/);
    expect(() => loadConfig({ DELIVERY_MAX_ATTEMPTS: '8' })).toThrow(
      /DELIVERY_MAX_ATTEMPTS is gone: retries now last DELIVERY_RETRY_HORIZON_HOURS/,
    );
    expect(() => loadConfig({ DELIVERY_RETRY_HORIZON_HOURS: '0' })).toThrow(/DELIVERY_RETRY_HORIZON_HOURS/);
    expect(() => loadConfig({ DELIVERY_CALL_TIMEOUT_MS: '40000' })).toThrow(
      /DELIVERY_CALL_TIMEOUT_MS must be at most half of DELIVERY_LEASE_MS/,
    );
    expect(() => loadConfig({ DELIVERY_LEASE_MS: '10' })).toThrow(/DELIVERY_LEASE_MS/);
    expect(loadConfig({}).env.SHUTDOWN_GRACE_MS).toBe(15_000);
    expect(loadConfig({ SHUTDOWN_GRACE_MS: '30000' }).env.SHUTDOWN_GRACE_MS).toBe(30_000);
    expect(() => loadConfig({ SHUTDOWN_GRACE_MS: '0' })).toThrow(/SHUTDOWN_GRACE_MS must be at least 1000/);
    expect(() => loadConfig({ SHUTDOWN_GRACE_MS: 'soon' })).toThrow(/SHUTDOWN_GRACE_MS/);
  });

  it('provisions customers with the embedded simulator unless a Webex token is set', () => {
    expect(loadConfig({}).webex).toEqual({
      mode: 'simulated',
      why: expect.stringContaining('WEBEX_ACCESS_TOKEN is not set'),
      apiUrl: 'https://webexapis.com/v1',
      pollSeconds: 10,
    });
    const api = loadConfig({ WEBEX_ACCESS_TOKEN: 'wbx-token', WEBEX_API_URL: 'http://127.0.0.1:9000/v1', WEBEX_POLL_SECONDS: '30' });
    expect(api.webex).toEqual({
      mode: 'api',
      why: 'WEBEX_ACCESS_TOKEN is set',
      accessToken: 'wbx-token',
      apiUrl: 'http://127.0.0.1:9000/v1',
      pollSeconds: 30,
    });
    expect(loadConfig({ WEBEX_ACCESS_TOKEN: ' ' }).webex.mode).toBe('simulated');
  });

  it.each(['0', '-5', '2.5', 'ten', ''])('refuses WEBEX_POLL_SECONDS=%o with a message naming it', (value) => {
    expect(() => loadConfig({ WEBEX_POLL_SECONDS: value })).toThrow(
      /WEBEX_POLL_SECONDS: WEBEX_POLL_SECONDS must be a positive whole number of seconds, such as 10/,
    );
  });

  it('refuses a WEBEX_API_URL that is not a URL, without echoing the Webex token', () => {
    try {
      loadConfig({ WEBEX_API_URL: 'webexapis', WEBEX_ACCESS_TOKEN: 'wbx-super-secret-value' });
      expect.unreachable();
    } catch (err) {
      expect(String(err)).toMatch(/WEBEX_API_URL must be a URL/);
      expect(String(err)).not.toContain('super-secret');
    }
  });

  it('picks Slack HTTP or Socket Mode from the secrets given', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack).toMatchObject({ mode: 'http' });
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack).toMatchObject({ mode: 'socket' });
  });

  it('passes the Socket Mode ping timeout on, and leaves it to the Slack SDK when empty', () => {
    const socket = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' };
    expect(loadConfig({ ...socket, SLACK_SOCKET_PING_TIMEOUT_MS: '250' }).slack).toMatchObject({ socketPingTimeoutMs: 250 });
    expect(loadConfig({ ...socket, SLACK_SOCKET_PING_TIMEOUT_MS: '' }).slack).toMatchObject({ socketPingTimeoutMs: undefined });
  });

  it('production refuses Teams without credentials, and verifies tokens with them', () => {
    expect(loadConfig(PROD).teams).toEqual({ mode: 'off', why: expect.stringContaining('MICROSOFT_APP_ID') });
    expect(loadConfig({ ...PROD, MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'pw' }).teams).toMatchObject({ mode: 'authenticated' });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT: Expected number/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with file: \(SQLite\) or postgres:\/\//],
    [{ SLACK_BOT_TOKEN: 'xoxp-user' }, /SLACK_BOT_TOKEN must be a bot token/],
    [{ SLACK_SIGNING_SECRET: 'abc' }, /SLACK_BOT_TOKEN is required when any other SLACK_ variable is set/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /set SLACK_SIGNING_SECRET \(HTTP events\) or SLACK_APP_TOKEN/],
    [{ MICROSOFT_APP_ID: 'id' }, /MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD go together/],
    [{ SMTP_URL: 'mail.example.com' }, /SMTP_URL must look like smtp:\/\//],
    [{ API_TOKEN: 'short' }, /API_TOKEN must be at least 16 characters/],
    [{ PUBLIC_URL: 'not a url' }, /PUBLIC_URL must be a URL/],
    [{ PROVISIONING_SCHEDULE: 'every day' }, /PROVISIONING_SCHEDULE must be a cron expression/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ HOST: 'my host' }, /HOST must be an address to listen on/],
    [{ SLACK_SOCKET_PING_TIMEOUT_MS: '5s' }, /SLACK_SOCKET_PING_TIMEOUT_MS must be a whole number of milliseconds/],
    [{ SLACK_SOCKET_PING_TIMEOUT_MS: '10' }, /SLACK_SOCKET_PING_TIMEOUT_MS must be a whole number of milliseconds/],
  ])('%o is refused with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes a secret value in its message', () => {
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'xoxp-super-secret-value' });
      expect.unreachable();
    } catch (err) {
      expect(String(err)).not.toContain('super-secret');
    }
  });
});
