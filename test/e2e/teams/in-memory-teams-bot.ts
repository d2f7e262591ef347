import type { AddressInfo } from 'node:net';
import { createActorLimits, createCore, DEFAULT_DELIVERY_POLICY, DEFAULT_RATE_LIMITS, systemClock } from '../../../core/index';
import { createDeliveryLoop } from '../../../bot/delivery-loop';
import type { CoreDeps, Logger } from '../../../core/index';
import { createTeamsAdapter } from '../../../adapters/teams/create-teams-adapter';
import type { TeamsCredentials } from '../../../adapters/teams/teams-auth';
import { orderApiRouter } from '../../../adapters/api/order-api.routes';
import { buildHttpApp } from '../../../bot/http';
import { inFlightRequests } from '../../../bot/in-flight-requests';
import { createReadiness } from '../../../bot/readiness';
import {
  InMemoryAccessRequests,
  InMemoryChatAddresses,
  InMemoryOrders,
  InMemorySupportCases,
  InMemoryTransactions,
  InMemoryUsers,
} from '../../fakes/in-memory-repositories';
import { RecordingEmailNotifier } from '../../fakes/recording-notifiers';
import { workflowFakes } from '../../fakes/core-harness';
import { RecordingBotConnector } from '../../fakes/recording-bot-connector';
import type { RosterMember } from '../../fakes/recording-bot-connector';
import type { TeamsBot } from './teams-e2e-helpers';
import { API_TOKEN, post } from './teams-e2e-helpers';

/** Every line the adapter logged, to check what it says and that no secret is in it. */
export class RecordingLogger implements Logger {
  readonly lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  info = (fields: Record<string, unknown>, message: string) => void this.lines.push({ level: 'info', fields, message });
  warn = (fields: Record<string, unknown>, message: string) => void this.lines.push({ level: 'warn', fields, message });
  error = (fields: Record<string, unknown>, message: string) => void this.lines.push({ level: 'error', fields, message });
}

/**
 * The bot's HTTP app (bot/http.ts, as startBot mounts it) over an in-memory core, for
 * what the real composition cannot show: a slow mailer, authenticated mode with a
 * recorded log. Everything else runs against startBot.
 */
export async function startInMemoryTeamsBot(
  o: { roster?: RosterMember[]; credentials?: TeamsCredentials; invokeBudgetMs?: number } = {},
): Promise<
  TeamsBot & {
    email: RecordingEmailNotifier;
    log: RecordingLogger;
    addresses: InMemoryChatAddresses;
    workOrders: CoreDeps['workOrders'];
    accessRequests: CoreDeps['accessRequests'];
  }
> {
  const connector = await RecordingBotConnector.start(o.roster);
  const log = new RecordingLogger();
  const addresses = new InMemoryChatAddresses();
  const teams = createTeamsAdapter({
    ...(o.credentials ?? { mode: 'local', appType: 'MultiTenant' }),
    chatAddresses: addresses,
    log,
    invokeBudgetMs: o.invokeBudgetMs,
  });
  const email = new RecordingEmailNotifier();
  // The bot's own loop: a change's notices are dispatched after it returns, as in startBot.
  const deliveries = createDeliveryLoop(log, systemClock);
  const workflow = workflowFakes();
  const deps: CoreDeps = {
    orders: new InMemoryOrders(),
    transactions: new InMemoryTransactions(workflow.outbox),
    accessRequests: new InMemoryAccessRequests(workflow.outbox),
    supportCases: new InMemorySupportCases(workflow.outbox),
    users: new InMemoryUsers(),
    ...workflow,
    email,
    chat: [teams.notifier],
    clock: systemClock,
    log,
    deliveries: deliveries.trigger,
    limits: createActorLimits(DEFAULT_RATE_LIMITS, systemClock),
    settings: { adminPortalUrl: 'https://admin.webex.com', delivery: DEFAULT_DELIVERY_POLICY },
  };
  const core = createCore(deps);
  deliveries.attach(core.dispatchDeliveries);
  teams.attach(core);
  const readiness = createReadiness();
  const app = buildHttpApp({
    log,
    readiness,
    requests: inFlightRequests(readiness),
    slack: null,
    teams,
    routers: [orderApiRouter(core, { apiToken: API_TOKEN, log })],
    health: async () => ({}),
    databaseReadiness: async () => ({ ready: true }),
    correlation: (_req, _res, next) => next(),
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    core,
    clock: systemClock,
    connector,
    email,
    log,
    addresses,
    workOrders: deps.workOrders,
    accessRequests: deps.accessRequests,
    post: (body, headers) => post(`${url}/api/messages`, body, headers),
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await deliveries.stop();
      await connector.close();
    },
  };
}
