import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createActorLimits, createCore, DEFAULT_DELIVERY_POLICY, systemClock } from '../core/index';
import type { ChatNotifier, Clock, Core } from '../core/index';
import { migrate } from '../adapters/db/migrate';
import { coreRepositories, createDatabase } from '../adapters/db/create-database';
import { createMailTransport } from '../adapters/email/mail-transport';
import { createEmailNotifier } from '../adapters/email/email-notifier';
import { createLinkSigner } from '../adapters/email/links/link-signer';
import { orderApiRouter } from '../adapters/api/order-api.routes';
import { workOrderApiRouter } from '../adapters/api/work-order-api.routes';
import { notificationApiRouter } from '../adapters/api/notification-api.routes';
import { createEmbeddedBackend } from '../adapters/backend/embedded-backend';
import { createSlackAdapter } from '../adapters/slack/create-slack-adapter';
import { createTeamsAdapter } from '../adapters/teams/create-teams-adapter';
import type { Config } from './config';
import { buildHttpApp } from './http';
import { accessLinks } from './access-links';
import { activityLinks } from './activity-links';
import { createLogger } from './logger';
import type { LogDestination } from './logger';
import { databaseReadiness } from '../adapters/db/readiness';
import { createProvbotMetrics } from '../adapters/observability/provbot-metrics';
import { metricsRouter } from '../adapters/observability/metrics.routes';
import { correlateRequests } from '../adapters/observability/correlation.middleware';
import { countRateLimits } from '../adapters/observability/counted-limits';
import { startNotificationSchedule, startSchedule } from './schedule';
import { createDeliveryLoop } from './delivery-loop';
import { loadSettingsKey } from './settings-key';

export interface RunningBot {
  url: string;
  core: Core;
  /** The clock every part of this bot reads: the core, the email links, the delivery loop. */
  clock: Clock;
  /** Runs the provisioning scheduler's work now (tests, and start-up catch-up). */
  tick(): Promise<void>;
  /** Runs the notification tick now: due digests, escalations, then the dispatcher. */
  notifyTick(): Promise<void>;
  /** Runs the dispatcher now; resolves when what is due has been tried. */
  dispatch(): Promise<void>;
  stop(): Promise<void>;
}

/** What the composition root takes besides the config: the time source, so tests can drive or shift it. */
export interface BotDependencies {
  clock?: Clock;
  /** Where log lines go instead of stdout (tests read them back). */
  logDestination?: LogDestination;
}

/**
 * The composition root: config → database (migrated) → mail → chat adapters → core
 * → one HTTP server → scheduler. Everything provbot runs is wired here and only here.
 */
export async function startBot(config: Config, deps: BotDependencies = {}): Promise<RunningBot> {
  const { env } = config;
  const clock = deps.clock ?? systemClock;
  const log = createLogger(env.LOG_LEVEL, deps.logDestination);

  const migration = await migrate(env.DATABASE_URL);
  const settingsKey = await loadSettingsKey(env);
  const db = await createDatabase(env.DATABASE_URL, {
    settingsKey: settingsKey.key,
    onUnreadablePassword: (scope, reason) =>
      log.error({ scope, reason }, 'an SMTP password cannot be read: enter it again with notify set (its emails fail until then)'),
  });
  // A wrong SETTINGS_KEY shows here, at start-up, as well as when those emails fail.
  await db.notificationSettings.findSystem();
  for (const domain of await db.notificationSettings.listDomains()) await db.notificationSettings.findDomain(domain);
  if (migration.applied.length) log.info({ applied: migration.applied }, 'database migrated');

  const linkSecret = env.LINK_SECRET ?? (await db.settings.getOrCreate('link-secret', () => randomBytes(32).toString('hex')));
  const signer = createLinkSigner(linkSecret);
  const transport = createMailTransport(env.SMTP_URL ? { kind: 'smtp', url: env.SMTP_URL } : { kind: 'outbox', dir: env.OUTBOX_DIR });
  const email = createEmailNotifier({
    transport,
    from: env.MAIL_FROM,
    publicUrl: config.publicUrl,
    adminPortalUrl: env.ADMIN_PORTAL_URL,
    links: signer,
  });

  const slack = config.slack.mode === 'off' ? null : createSlackAdapter({ ...config.slack, log });
  const teams = config.teams.mode === 'off' ? null : createTeamsAdapter({ ...config.teams, chatAddresses: db.chatAddresses, log });

  // The only backend provbot ships; a call-processor backend would be chosen here by config.
  const backend = createEmbeddedBackend();
  const deliveries = createDeliveryLoop(log, clock);
  const metrics = createProvbotMetrics({ outboxSummary: () => db.outbox.summary(clock.now()), now: () => clock.now() });
  const core = createCore({
    ...coreRepositories(db),
    backend,
    email,
    chat: [slack?.notifier, teams?.notifier].filter((n): n is ChatNotifier => !!n),
    clock,
    log,
    deliveries: deliveries.trigger,
    monitor: metrics.monitor,
    limits: countRateLimits(
      metrics,
      createActorLimits(
        {
          writes: { max: env.RATE_LIMIT_WRITES_PER_MINUTE, windowMs: 60_000 },
          accessRequests: { max: env.RATE_LIMIT_ACCESS_REQUESTS_PER_HOUR, windowMs: 3_600_000 },
        },
        clock,
      ),
    ),
    settings: {
      adminPortalUrl: env.ADMIN_PORTAL_URL,
      delivery: {
        ...DEFAULT_DELIVERY_POLICY,
        retryHorizonMs: Math.round(env.DELIVERY_RETRY_HORIZON_HOURS * 3_600_000),
        baseDelayMs: env.DELIVERY_RETRY_BASE_MS,
        maxDelayMs: env.DELIVERY_RETRY_MAX_MS,
        leaseMs: env.DELIVERY_LEASE_MS,
        callTimeoutMs: env.DELIVERY_CALL_TIMEOUT_MS,
      },
    },
  });
  deliveries.attach(core.dispatchDeliveries);
  slack?.attach(core);
  teams?.attach(core);

  const app = buildHttpApp({
    log,
    slack: slack ? { router: slack.router, guard: slack.guard } : null,
    teams,
    routers: [
      accessLinks({ core, signer, log, clock }),
      activityLinks({ core, signer, log, clock }),
      orderApiRouter(core, { apiToken: env.API_TOKEN, log }),
      workOrderApiRouter(core, { apiToken: env.API_TOKEN, log, backend }),
      notificationApiRouter(core, { apiToken: env.API_TOKEN, log }),
      metricsRouter(metrics, { metricsToken: env.METRICS_TOKEN }),
    ],
    correlation: correlateRequests({ log, ackObserved: metrics.ackObserved }),
    readiness: await databaseReadiness(db, env.DATABASE_URL),
    health: async () => {
      await db.ping();
      // Operators watch these: a growing `due` or any `dead` means notices are not getting out.
      const outbox = await db.outbox.summary(clock.now());
      return { database: db.provider, slack: config.slack.mode, teams: config.teams.mode, outbox };
    },
  });
  const server = await listen(app, env.PORT, config.listen.host);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await slack?.start();
  const onTick = metrics.tickFinished;
  const schedule = startSchedule(core, { expression: env.PROVISIONING_SCHEDULE, log, onTick });
  const notifications = startNotificationSchedule(core, { expression: env.NOTIFY_SCHEDULE, log, dispatch: deliveries.runNow, onTick });

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
      metrics: env.METRICS_TOKEN ? 'on (bearer METRICS_TOKEN)' : 'off: METRICS_TOKEN is not set',
      settingsKey: settingsKey.source,
    },
    'provbot is up',
  );

  return {
    url,
    core,
    clock,
    tick: schedule.tick,
    notifyTick: notifications.tick,
    dispatch: deliveries.runNow,
    stop: async () => {
      schedule.stop();
      notifications.stop();
      // No new requests; then the replies owed for requests already acked; then the rest.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await slack?.stop();
      server.closeAllConnections();
      await closed;
      // A delivery being sent is finished and recorded before the database closes.
      await deliveries.stop();
      await email.close();
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
