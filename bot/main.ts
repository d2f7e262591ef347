import { libPhoneNumbers } from '../adapters/onboarding/phone-numbers';
import { createCustomerProvisioning } from '../adapters/webex/index';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createActorLimits, createCore, createServicesSetup, DEFAULT_DELIVERY_POLICY, systemClock } from '../core/index';
import type {
  ChatNotifier,
  Clock,
  Core,
  CustomerDirectory,
  CustomerProvisioning,
  ServicesSetupCore,
  ServicesSetupPorts,
} from '../core/index';
import { migrate } from '../adapters/db/migrate';
import { coreRepositories, createDatabase } from '../adapters/db/create-database';
import { createMailTransport } from '../adapters/email/mail-transport';
import { createEmailNotifier } from '../adapters/email/email-notifier';
import { createLinkSigner } from '../adapters/email/links/link-signer';
import { orderApiRouter } from '../adapters/api/order-api.routes';
import { workOrderApiRouter } from '../adapters/api/work-order-api.routes';
import { onboardingApiRouter } from '../adapters/api/onboarding-api.routes';
import { customerUsersApiRouter } from '../adapters/api/customer-users-api.routes';
import { notificationApiRouter } from '../adapters/api/notification-api.routes';
import { servicesSetupApiRouter } from '../adapters/api/services-setup-api.routes';
import { createSummaryLinks, summaryLinkFor } from '../adapters/email/links/summary-link';
import { summaryLinkRouter } from '../adapters/email/links/summary-link.routes';
import { createSimulatedServicesSetup } from '../adapters/webex/simulated-services-setup';
import { createEmbeddedBackend } from '../adapters/backend/embedded-backend';
import { createSlackAdapter } from '../adapters/slack/create-slack-adapter';
import { createTeamsAdapter } from '../adapters/teams/create-teams-adapter';
import type { Config } from './config';
import { buildHttpApp } from './http';
import { accessLinks } from './access-links';
import { activityLinks } from './activity-links';
import { createLogger } from './logger';
import { startCustomerPoll, startNotificationSchedule, startSchedule, startServicesSetupSchedule } from './schedule';
import type { TickObserver } from './schedule';
import { customerDirectory } from './customer-directory';
import type { LogDestination } from './logger';
import { databaseReadiness, migrationProgress } from '../adapters/db/readiness';
import { createSelfReport, recentErrorLog } from './self-report';
import { createProvbotMetrics } from '../adapters/observability/provbot-metrics';
import { metricsRouter } from '../adapters/observability/metrics.routes';
import { correlateRequests } from '../adapters/observability/correlation.middleware';
import { countRateLimits } from '../adapters/observability/counted-limits';
import { createDeliveryLoop } from './delivery-loop';
import { loadSettingsKey } from './settings-key';
import { createReadiness } from './readiness';
import type { Readiness } from './readiness';
import { inFlightRequests } from './in-flight-requests';

export interface RunningBot {
  url: string;
  core: Core;
  /** The services setup wizard's use cases (beside the core until customers join it). */
  servicesSetup: ServicesSetupCore;
  /** Runs the services setup tick now: backend progress, then Connect activation reminders and deadlines. */
  setupTick(): Promise<void>;
  /** The clock every part of this bot reads: the core, the email links, the delivery loop. */
  clock: Clock;
  /** Runs the provisioning scheduler's work now (tests, and start-up catch-up). */
  tick(): Promise<void>;
  /** Runs the notification tick now: due digests, escalations, then the dispatcher. */
  notifyTick(): Promise<void>;
  /** Runs the customer poll now (tests drive it instead of waiting WEBEX_POLL_SECONDS). */
  pollCustomers(): Promise<void>;
  /** Runs the dispatcher now; resolves when what is due has been tried. */
  dispatch(): Promise<void>;
  /** Draining once stop() began: /readyz answers 503. */
  readiness: Readiness;
  /**
   * A graceful stop (a rolling restart): refuses new requests, hands the deliveries not
   * yet started to other processes, waits for the requests and sends in flight, stops
   * the scheduler and closes the database. bot/shutdown.ts bounds it by SHUTDOWN_GRACE_MS.
   */
  stop(): Promise<void>;
}

/** What the composition root takes besides the config: the time source, so tests can drive or shift it. */
export interface BotDependencies {
  clock?: Clock;
  /**
   * Where customer organizations are created (the Webex Wholesale client or its embedded
   * simulator, chosen by configuration). Without it, creating customers is refused as
   * "Webex could not take the request".
   */
  customerProvisioning?: CustomerProvisioning;
  /** Where the services setup reads customers: onboarding's customers unless a test gives its own. */
  customers?: CustomerDirectory;
  /** Where log lines go instead of stdout (tests read them back). */
  logDestination?: LogDestination;
  /**
   * How the migrations are applied: in this process by default (tests); `npm start`
   * runs them in a child process (migrateInChild) so the schema engine's wasm is not
   * kept for the life of the bot.
   */
  migrate?: (databaseUrl: string) => Promise<{ applied: string[] }>;
  /**
   * How long a Teams card click may take before its answer is a "working" card and the
   * result follows as an update (4 s by default, inside Teams' 5 s). Tests that hold
   * clicks on purpose widen it; the late path has its own test.
   */
  teamsInvokeBudgetMs?: number;
}

/**
 * The composition root: config → database (migrated) → mail → chat adapters → core
 * → one HTTP server → scheduler. Everything provbot runs is wired here and only here.
 */
export async function startBot(config: Config, deps: BotDependencies = {}): Promise<RunningBot> {
  const { env } = config;
  const clock = deps.clock ?? systemClock;
  const startedAt = clock.now();
  const recentErrors = recentErrorLog(clock);
  const log = createLogger(env.LOG_LEVEL, deps.logDestination, recentErrors.record);

  const migration = await (deps.migrate ?? migrate)(env.DATABASE_URL);
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
  const summaryLinks = createSummaryLinks(linkSecret);
  const teams =
    config.teams.mode === 'off'
      ? null
      : createTeamsAdapter({
          ...config.teams,
          chatAddresses: db.chatAddresses,
          log,
          summaryLink: summaryLinkFor(summaryLinks, config.publicUrl, clock),
          invokeBudgetMs: deps.teamsInvokeBudgetMs,
        });

  // The only backend provbot ships; a call-processor backend would be chosen here by config.
  const metrics = createProvbotMetrics({ outboxSummary: () => db.outbox.summary(clock.now()), now: () => clock.now() });
  // Shared by the core and the services setup: a person's changes count wherever they are made; refusals are counted.
  const limits = countRateLimits(
    metrics,
    createActorLimits(
      {
        writes: { max: env.RATE_LIMIT_WRITES_PER_MINUTE, windowMs: 60_000 },
        accessRequests: { max: env.RATE_LIMIT_ACCESS_REQUESTS_PER_HOUR, windowMs: 3_600_000 },
      },
      clock,
    ),
  );
  const backend = createEmbeddedBackend();
  const deliveries = createDeliveryLoop(log, clock);
  const self = createSelfReport({
    clock,
    startedAt,
    config,
    databaseKind: db.provider === 'sqlite' ? 'SQLite' : 'PostgreSQL',
    migrations: await migrationProgress(db, env.DATABASE_URL),
    errors: recentErrors,
  });
  // One set of services setup ports, the backend included, for the core and the wizard alike.
  const setupPorts: ServicesSetupPorts = {
    customers: deps.customers ?? customerDirectory(db.customers),
    servicesSetups: db.servicesSetups,
    connectActivations: db.servicesSetups,
    setupBackend: createSimulatedServicesSetup(clock),
  };
  const chat = [slack?.notifier, teams?.notifier].filter((n): n is ChatNotifier => !!n);
  const core = createCore({
    ...coreRepositories(db),
    // The dispatcher reads a setup's progress message and order summary when it sends
    // them; an approved submit request (a partner's member asked) runs on them.
    servicesSetup: setupPorts,
    phoneNumbers: libPhoneNumbers,
    backend,
    customerProvisioning:
      deps.customerProvisioning ??
      createCustomerProvisioning({ accessToken: config.webex.accessToken, apiUrl: config.webex.apiUrl, logger: log }),
    email,
    chat,
    clock,
    log,
    deliveries: deliveries.trigger,
    monitor: metrics.monitor,
    self,
    limits,
    settings: {
      adminPortalUrl: env.ADMIN_PORTAL_URL,
      supportEmail: env.SUPPORT_EMAIL ?? null,
      supportUrl: env.SUPPORT_URL ?? null,
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
  deliveries.attach(core.dispatchDeliveries, core.stopDispatching);
  const servicesSetup = createServicesSetup({
    outbox: db.outbox,
    deliveries: deliveries.trigger,
    clock,
    log,
    users: db.users,
    // Shared with the core: the write limit counts a person's changes wherever they are made.
    limits,
    // A member's Submit asks the partner domain's administrators, as the core's writes do.
    accessRequests: db.accessRequests,
    chat,
    ...setupPorts,
  });
  slack?.attach(core, servicesSetup);
  teams?.attach(core, servicesSetup);

  const readiness = createReadiness();
  const requests = inFlightRequests(readiness);
  const app = buildHttpApp({
    log,
    readiness,
    requests,
    slack: slack ? { router: slack.router, guard: slack.guard } : null,
    teams,
    routers: [
      accessLinks({ core, signer, log, clock }),
      activityLinks({ core, signer, log, clock }),
      orderApiRouter(core, { apiToken: env.API_TOKEN, log }),
      workOrderApiRouter(core, { apiToken: env.API_TOKEN, log, backend }),
      notificationApiRouter(core, { apiToken: env.API_TOKEN, log }),
      customerUsersApiRouter(core, { apiToken: env.API_TOKEN, log }),
      onboardingApiRouter(core, { apiToken: env.API_TOKEN, log }),
      servicesSetupApiRouter(servicesSetup, { apiToken: env.API_TOKEN, log }),
      summaryLinkRouter({ links: summaryLinks, setup: servicesSetup, clock, log }),
      metricsRouter(metrics, { metricsToken: env.METRICS_TOKEN }),
    ],
    correlation: correlateRequests({ log, ackObserved: metrics.ackObserved }),
    databaseReadiness: await databaseReadiness(db, env.DATABASE_URL),
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
  const onTick: TickObserver = (job, outcome) => {
    metrics.tickFinished(job, outcome);
    self.tickFinished(job, outcome);
  };
  const schedule = startSchedule(core, { expression: env.PROVISIONING_SCHEDULE, log, onTick });
  const notifications = startNotificationSchedule(core, { expression: env.NOTIFY_SCHEDULE, log, dispatch: deliveries.runNow, onTick });
  const customerPoll = startCustomerPoll(core, { seconds: env.WEBEX_POLL_SECONDS, log, onTick });
  const setupSchedule = startServicesSetupSchedule(servicesSetup, { expression: env.NOTIFY_SCHEDULE, log, onTick });

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
    servicesSetup,
    setupTick: setupSchedule.tick,
    clock,
    tick: schedule.tick,
    notifyTick: notifications.tick,
    pollCustomers: customerPoll.tick,
    dispatch: deliveries.runNow,
    readiness,
    stop: async () => {
      // Not ready first (/readyz 503), and new requests refused politely; no new scheduled work.
      readiness.drain();
      schedule.stop();
      notifications.stop();
      customerPoll.stop();
      setupSchedule.stop();
      // Deliveries claimed and not started go back for another process at once; sends in flight finish.
      const deliveriesStopped = deliveries.stop();
      // The requests being answered (acks, Teams turns), then the replies owed for requests already acked.
      await requests.idle();
      await slack?.stop();
      // A delivery being sent is finished and recorded before the database closes.
      await deliveriesStopped;
      // The listener closes last, so /readyz says "draining" (not "connection refused") until the end.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
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
