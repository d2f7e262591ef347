import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createCore, systemClock } from '../core/index';
import type { ChatNotifier, Core } from '../core/index';
import { migrate } from '../adapters/db/migrate';
import { coreRepositories, createDatabase } from '../adapters/db/create-database';
import { createMailTransport } from '../adapters/email/mail-transport';
import { createEmailNotifier } from '../adapters/email/email-notifier';
import { createLinkSigner } from '../adapters/email/links/link-signer';
import { orderApiRouter } from '../adapters/api/order-api.routes';
import { workOrderApiRouter } from '../adapters/api/work-order-api.routes';
import { createEmbeddedBackend } from '../adapters/backend/embedded-backend';
import { createSlackAdapter } from '../adapters/slack/create-slack-adapter';
import { createTeamsAdapter } from '../adapters/teams/create-teams-adapter';
import type { Config } from './config';
import { buildHttpApp } from './http';
import { accessLinks } from './access-links';
import { activityLinks } from './activity-links';
import { createLogger } from './logger';
import { startSchedule } from './schedule';

export interface RunningBot {
  url: string;
  core: Core;
  /** Runs the provisioning scheduler's work now (tests, and start-up catch-up). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The composition root: config → database (migrated) → mail → chat adapters → core
 * → one HTTP server → scheduler. Everything provbot runs is wired here and only here.
 */
export async function startBot(config: Config): Promise<RunningBot> {
  const { env } = config;
  const log = createLogger(env.LOG_LEVEL);

  const migration = await migrate(env.DATABASE_URL);
  const db = await createDatabase(env.DATABASE_URL);
  if (migration.applied.length) log.info({ applied: migration.applied }, 'database migrated');

  const linkSecret = env.LINK_SECRET ?? (await db.settings.getOrCreate('link-secret', () => randomBytes(32).toString('hex')));
  const signer = createLinkSigner(linkSecret);
  const transport = createMailTransport(env.SMTP_URL ? { kind: 'smtp', url: env.SMTP_URL } : { kind: 'outbox', dir: env.OUTBOX_DIR });
  const email = createEmailNotifier({ transport, from: env.MAIL_FROM, publicUrl: config.publicUrl, adminPortalUrl: env.ADMIN_PORTAL_URL, links: signer });

  const slack = config.slack.mode === 'off' ? null : createSlackAdapter({ ...config.slack, log });
  const teams = config.teams.mode === 'off' ? null : createTeamsAdapter({ ...config.teams, chatAddresses: db.chatAddresses, log });

  // The only backend provbot ships; a call-processor backend would be chosen here by config.
  const backend = createEmbeddedBackend();
  const core = createCore({
    ...coreRepositories(db),
    backend,
    email,
    chat: [slack?.notifier, teams?.notifier].filter((n): n is ChatNotifier => !!n),
    clock: systemClock,
    log,
    settings: { adminPortalUrl: env.ADMIN_PORTAL_URL },
  });
  slack?.attach(core);
  teams?.attach(core);

  const app = buildHttpApp({
    log,
    slack: slack ? { router: slack.router, guard: slack.guard } : null,
    teams,
    routers: [
      accessLinks({ core, signer, log }),
      activityLinks({ core, signer, log }),
      orderApiRouter(core, { apiToken: env.API_TOKEN, log }),
      workOrderApiRouter(core, { apiToken: env.API_TOKEN, log, backend }),
    ],
    health: async () => {
      await db.ping();
      return { database: db.provider, slack: config.slack.mode, teams: config.teams.mode };
    },
  });
  const server = await listen(app, env.PORT, config.listen.host);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await slack?.start();
  const schedule = startSchedule(core, { expression: env.PROVISIONING_SCHEDULE, log });

  log.info(
    {
      url,
      listening: config.listen.why,
      database: db.provider,
      email: env.SMTP_URL ? 'smtp' : `outbox (${env.OUTBOX_DIR})`,
      slack: config.slack.mode === 'off' ? `off: ${config.slack.why}` : `${config.slack.mode} mode`,
      teams:
        config.teams.mode === 'off'
          ? `off: ${config.teams.why}`
          : config.teams.mode === 'local'
            ? 'local mode: no MICROSOFT_APP_ID, activities are not authenticated (Agents Playground)'
            : 'authenticated: Bot Framework tokens verified',
      orderApi: env.API_TOKEN ? 'on' : 'off: API_TOKEN is not set',
    },
    'provbot is up',
  );

  return {
    url,
    core,
    tick: schedule.tick,
    stop: async () => {
      schedule.stop();
      // No new requests; then the replies owed for requests already acked; then the rest.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await slack?.stop();
      server.closeAllConnections();
      await closed;
      await transport.close();
      await db.close();
    },
  };
}

function listen(app: ReturnType<typeof buildHttpApp>, port: number, host: string | undefined): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = host ? app.listen(port, host, () => resolve(server)) : app.listen(port, () => resolve(server));
    server.once('error', reject);
  });
}
