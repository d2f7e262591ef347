import cron from 'node-cron';
import { z } from 'zod';
import { DEFAULT_RATE_LIMITS } from '../core/index';

/**
 * The only reader of process.env. Every variable is documented in .env.example.
 * A bad value stops start-up with a message naming the variable.
 */
const optional = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const url = (what: string) => z.string().trim().url(`${what} must be a URL such as https://example.com`);

const SOCKET_PING = 'SLACK_SOCKET_PING_TIMEOUT_MS must be a whole number of milliseconds from 50 to 60000, such as 5000';

const POLL_SECONDS = 'WEBEX_POLL_SECONDS must be a positive whole number of seconds, such as 10';

const ZEnv = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: optional.refine(
      (h) => h === undefined || /^[A-Za-z0-9.:_-]{1,253}$/.test(h),
      'HOST must be an address to listen on, such as 0.0.0.0 or 127.0.0.1',
    ),
    DATABASE_URL: z
      .string()
      .trim()
      .default('file:./data/provbot.db')
      .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), 'DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL)'),
    SLACK_SIGNING_SECRET: optional,
    SLACK_BOT_TOKEN: optional.refine((t) => t === undefined || t.startsWith('xoxb-'), 'SLACK_BOT_TOKEN must be a bot token (xoxb-…)'),
    SLACK_APP_TOKEN: optional.refine(
      (t) => t === undefined || t.startsWith('xapp-'),
      'SLACK_APP_TOKEN must be an app-level token (xapp-…)',
    ),
    SLACK_API_URL: url('SLACK_API_URL').default('https://slack.com/api/'),
    SLACK_SOCKET_PING_TIMEOUT_MS: optional.pipe(
      z.coerce.number({ message: SOCKET_PING }).int(SOCKET_PING).min(50, SOCKET_PING).max(60_000, SOCKET_PING).optional(),
    ),
    MICROSOFT_APP_ID: optional,
    MICROSOFT_APP_PASSWORD: optional,
    MICROSOFT_APP_TENANT_ID: optional,
    MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    SMTP_URL: optional.refine(
      (u) => u === undefined || /^smtps?:\/\/[^/]+/.test(u),
      'SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465',
    ),
    MAIL_FROM: z.string().trim().min(3).default('provbot <provbot@localhost>'),
    OUTBOX_DIR: z.string().trim().default('data/outbox'),
    API_TOKEN: optional.refine((t) => t === undefined || t.length >= 16, 'API_TOKEN must be at least 16 characters'),
    METRICS_TOKEN: optional.refine((t) => t === undefined || t.length >= 16, 'METRICS_TOKEN must be at least 16 characters'),
    PUBLIC_URL: optional.pipe(url('PUBLIC_URL').optional()),
    ADMIN_PORTAL_URL: url('ADMIN_PORTAL_URL').default('https://admin.webex.com'),
    // "open a case" (the CCW seeds): where `case` emails support cases; unset, it points to the portal instead.
    SUPPORT_EMAIL: optional.pipe(z.string().email('SUPPORT_EMAIL must be an email address such as support@example.com').optional()),
    // The support portal shown with a case, such as https://www.cisco.com/go/cs (optional).
    SUPPORT_URL: optional.pipe(url('SUPPORT_URL').optional()),
    LINK_SECRET: optional.refine((t) => t === undefined || t.length >= 32, 'LINK_SECRET must be at least 32 characters'),
    PROVISIONING_SCHEDULE: z
      .string()
      .trim()
      .default('*/5 * * * *')
      .refine((e) => cron.validate(e), 'PROVISIONING_SCHEDULE must be a cron expression such as */5 * * * *'),
    SETTINGS_KEY: optional.refine(
      (k) => k === undefined || /^[0-9a-fA-F]{64}$/.test(k) || /^[A-Za-z0-9+/]{43}=$/.test(k),
      'SETTINGS_KEY must be 32 bytes: 64 hex digits or 44 base64 characters (openssl rand -base64 32)',
    ),
    SETTINGS_KEY_FILE: z.string().trim().min(1).default('data/settings.key'),
    NOTIFY_SCHEDULE: z
      .string()
      .trim()
      .default('*/10 * * * * *')
      .refine((e) => cron.validate(e), 'NOTIFY_SCHEDULE must be a cron expression such as */10 * * * * * (seconds first)'),
    // Replaced by DELIVERY_RETRY_HORIZON_HOURS: read only to say so.
    DELIVERY_MAX_ATTEMPTS: optional,
    DELIVERY_RETRY_HORIZON_HOURS: z.coerce
      .number()
      .positive('DELIVERY_RETRY_HORIZON_HOURS must be a positive number of hours')
      .max(24 * 30)
      .default(24),
    DELIVERY_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(2_000),
    DELIVERY_RETRY_MAX_MS: z.coerce
      .number()
      .int()
      .min(10)
      .max(24 * 3_600_000)
      .default(300_000),
    DELIVERY_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
    DELIVERY_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    // A stop (SIGTERM, SIGINT) waits this long for the requests and sends in flight, then exits
    // anyway; longer than DELIVERY_CALL_TIMEOUT_MS by default, so a send in flight can always finish.
    SHUTDOWN_GRACE_MS: z.coerce
      .number()
      .int()
      .min(1_000, 'SHUTDOWN_GRACE_MS must be at least 1000 (milliseconds)')
      .max(600_000, 'SHUTDOWN_GRACE_MS must be at most 600000 (ten minutes)')
      .default(15_000),
    // Per person, on Slack and Teams: changes a minute, and access requests (each messages an order's placer) an hour.
    RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_RATE_LIMITS.writes.max),
    RATE_LIMIT_ACCESS_REQUESTS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_RATE_LIMITS.accessRequests.max),
    // Webex Wholesale provisioning: the token switches from the embedded simulator to the real API. A secret: never logged.
    WEBEX_ACCESS_TOKEN: optional,
    WEBEX_API_URL: url('WEBEX_API_URL').default('https://webexapis.com/v1'),
    WEBEX_POLL_SECONDS: z.coerce
      .number({ invalid_type_error: POLL_SECONDS })
      .int(POLL_SECONDS)
      .positive(POLL_SECONDS)
      .max(86_400, 'WEBEX_POLL_SECONDS must be at most 86400 (a day)')
      .default(10),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.DELIVERY_MAX_ATTEMPTS !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['DELIVERY_MAX_ATTEMPTS'],
        message: 'DELIVERY_MAX_ATTEMPTS is gone: retries now last DELIVERY_RETRY_HORIZON_HOURS (default 24)',
      });
    }
    // A send must fit in its claim, with room to record its result.
    if (env.DELIVERY_CALL_TIMEOUT_MS * 2 > env.DELIVERY_LEASE_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['DELIVERY_CALL_TIMEOUT_MS'],
        message: 'DELIVERY_CALL_TIMEOUT_MS must be at most half of DELIVERY_LEASE_MS',
      });
    }
    if (env.DELIVERY_RETRY_BASE_MS > env.DELIVERY_RETRY_MAX_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['DELIVERY_RETRY_MAX_MS'],
        message: 'DELIVERY_RETRY_MAX_MS must be at least DELIVERY_RETRY_BASE_MS',
      });
    }
    const slackSet = [env.SLACK_SIGNING_SECRET, env.SLACK_BOT_TOKEN, env.SLACK_APP_TOKEN].some(Boolean);
    if (slackSet && !env.SLACK_BOT_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: 'SLACK_BOT_TOKEN is required when any other SLACK_ variable is set',
      });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'set SLACK_SIGNING_SECRET (HTTP events) or SLACK_APP_TOKEN (Socket Mode) with SLACK_BOT_TOKEN',
      });
    }
    if (!!env.MICROSOFT_APP_ID !== !!env.MICROSOFT_APP_PASSWORD && env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') {
      ctx.addIssue({
        code: 'custom',
        path: ['MICROSOFT_APP_PASSWORD'],
        message: 'MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD go together',
      });
    }
    if (env.MICROSOFT_APP_TYPE === 'SingleTenant' && env.MICROSOFT_APP_ID && !env.MICROSOFT_APP_TENANT_ID) {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_TENANT_ID'], message: 'a SingleTenant app needs MICROSOFT_APP_TENANT_ID' });
    }
    if (env.NODE_ENV === 'production' && !env.SETTINGS_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['SETTINGS_KEY'],
        message: 'NODE_ENV=production needs SETTINGS_KEY (the key SMTP passwords are encrypted with; openssl rand -base64 32)',
      });
    }
    // Unset, the secret is generated into the database, where anyone who can read the
    // file could mint approval links; in production it comes from the environment.
    if (env.NODE_ENV === 'production' && !env.LINK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['LINK_SECRET'],
        message: 'NODE_ENV=production needs LINK_SECRET (the key email approval links are signed with; openssl rand -hex 32)',
      });
    }
    try {
      if (env.SMTP_URL) new URL(env.SMTP_URL);
    } catch {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'SMTP_URL is not a valid URL' });
    }
  });

export type Env = z.infer<typeof ZEnv>;

export interface Config {
  env: Env;
  production: boolean;
  publicUrl: string;
  /** Where the server listens, and why there. */
  listen: { host: string | undefined; why: string };
  slack:
    | {
        mode: 'http' | 'socket';
        signingSecret?: string;
        botToken: string;
        appToken?: string;
        apiUrl: string;
        socketPingTimeoutMs?: number;
      }
    | { mode: 'off'; why: string };
  teams:
    | { mode: 'local' | 'authenticated'; appId?: string; appPassword?: string; tenantId?: string; appType: Env['MICROSOFT_APP_TYPE'] }
    | { mode: 'off'; why: string };
  /** Where customers are provisioned: the Webex API with the token, else the embedded simulator. */
  webex: { mode: 'api' | 'simulated'; why: string; apiUrl: string; accessToken?: string; pollSeconds: number };
}

export class ConfigError extends Error {}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'env'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  return {
    env,
    production,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    slack: slackMode(env),
    teams: teamsMode(env, production),
    listen: listenOn(env, production),
    webex: webexMode(env),
  };
}

/**
 * Teams local mode accepts unsigned activities and replies to whatever serviceUrl they
 * name, so, unless HOST says otherwise, a bot in it listens on loopback only, where the
 * Agents Playground (and a tunnel for Slack) reach it.
 */
function listenOn(env: Env, production: boolean): Config['listen'] {
  if (env.HOST) return { host: env.HOST, why: 'HOST' };
  if (!env.MICROSOFT_APP_ID && !production) return { host: '127.0.0.1', why: 'Teams local mode: loopback only (set HOST to change)' };
  return { host: undefined, why: 'every interface' };
}

function slackMode(env: Env): Config['slack'] {
  if (!env.SLACK_BOT_TOKEN) return { mode: 'off', why: 'SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN) are not set' };
  const common = { botToken: env.SLACK_BOT_TOKEN, signingSecret: env.SLACK_SIGNING_SECRET, apiUrl: env.SLACK_API_URL };
  return env.SLACK_APP_TOKEN
    ? { mode: 'socket', ...common, appToken: env.SLACK_APP_TOKEN, socketPingTimeoutMs: env.SLACK_SOCKET_PING_TIMEOUT_MS }
    : { mode: 'http', ...common };
}

function teamsMode(env: Env, production: boolean): Config['teams'] {
  const creds = {
    appId: env.MICROSOFT_APP_ID,
    appPassword: env.MICROSOFT_APP_PASSWORD,
    tenantId: env.MICROSOFT_APP_TENANT_ID,
    appType: env.MICROSOFT_APP_TYPE,
  };
  if (env.MICROSOFT_APP_ID) return { mode: 'authenticated', ...creds };
  // Local mode accepts unauthenticated activities: fine for the Agents Playground, never in production.
  if (production)
    return {
      mode: 'off',
      why: 'NODE_ENV=production needs MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD (local mode accepts unsigned activities)',
    };
  return { mode: 'local', ...creds };
}

function webexMode(env: Env): Config['webex'] {
  const common = { apiUrl: env.WEBEX_API_URL, pollSeconds: env.WEBEX_POLL_SECONDS };
  if (env.WEBEX_ACCESS_TOKEN) return { mode: 'api', why: 'WEBEX_ACCESS_TOKEN is set', accessToken: env.WEBEX_ACCESS_TOKEN, ...common };
  return { mode: 'simulated', why: 'WEBEX_ACCESS_TOKEN is not set: customers are provisioned by the embedded simulator', ...common };
}
