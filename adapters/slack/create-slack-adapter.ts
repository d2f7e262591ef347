import { App, ExpressReceiver, SocketModeReceiver } from '@slack/bolt';
import { correlateSocketRequests } from './correlate-socket-request.middleware';
import type { Receiver } from '@slack/bolt';
import express from 'express';
import type { ChatNotifier, Core, Logger, ServicesSetupCore } from '../../core/index';
import { registerAccessDecisionActions } from './actions/access-decision.action';
import { registerCustomerUsersActions } from './actions/customer-users.action';
import { registerActivityActions } from './actions/activity.action';
import { registerOpenServicesSetupAction } from './actions/open-services-setup.action';
import { registerUnknownActions } from './actions/unknown-action.action';
import { createAfterAckQueue } from './after-ack-queue';
import { boltLogger, errorSummary } from './bolt-logger';
import { rejectOversizeSlackBody, SLACK_BODY_LIMIT_BYTES } from './body-limit.middleware';
import { registerProvCommand } from './commands/prov.command';
import { registerAppHome } from './events/app-home.event';
import { registerUsersCsvShare } from './events/users-csv.event';
import { slackFiles } from './slack-files';
import { createSlackNotifierClient, createSlackWebClient, SLACK_REQUEST_TIMEOUT_MS, slackClientOptions } from './slack-web-client';
import { SlackNotifier } from './slack-notifier';
import { registerActivityInputView } from './views/activity-input.view';
import { registerOrderFormView } from './views/order-form.view';
import { registerOnboardingFormViews } from './views/onboarding-form.view';
import { registerOnboardingReviewViews } from './views/onboarding-review.view';
import { registerServicesSetupView } from './views/services-setup.view';
import { labelSlackRequest } from './label-request.middleware';

/** Slash commands, interactivity and events all arrive here (the manifest's request URLs). */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackAdapterOptions {
  mode: 'http' | 'socket';
  signingSecret?: string;
  botToken: string;
  appToken?: string;
  /** Web API base, e.g. https://slack.com/api/ (tests point it at a recording server). */
  apiUrl: string;
  /**
   * Socket Mode: how long the client waits for a pong before it reconnects, and the step of
   * its reconnect back-off (the first reconnect after a dropped socket waits this long).
   * Unset: @slack/socket-mode's 5000 ms.
   */
  socketPingTimeoutMs?: number;
  log: Logger;
}

export interface SlackAdapter {
  /** Goes into the core's deps.chat before the core exists. */
  notifier: ChatNotifier;
  /** Listeners use this core; requests before attach get an error reply with a ref. */
  attach(core: Core, servicesSetup?: ServicesSetupCore): void;
  /** HTTP mode: mount on the app before any body parser (signatures are over the raw bytes). Socket mode: null. */
  router: express.Router | null;
  /**
   * HTTP mode: mount at SLACK_EVENTS_PATH before `router`; answers 413 to a body
   * declared larger than SLACK_BODY_LIMIT_BYTES without reading it. (Without it the
   * receiver still answers 413, after reading up to the limit.) Socket mode: none.
   */
  guard?: express.RequestHandler;
  /** Socket mode connects; HTTP mode only checks the token in the background. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createSlackAdapter(o: SlackAdapterOptions): SlackAdapter {
  const client = createSlackWebClient(o.botToken, o.apiUrl, o.log);
  const { receiver, router } = o.mode === 'http' ? httpReceiver(o) : socketReceiver(o);
  const app = new App({
    receiver,
    // `authorize` rather than `token`: given a token, Bolt calls auth.test while
    // constructing, and an unreachable API then kills or stalls start-up (PLATFORM-NOTES).
    authorize: async () => ({ botToken: o.botToken }),
    clientOptions: slackClientOptions(o.apiUrl, o.log),
    // Bolt's default conversation store looks every request's channel up in memory and
    // throws (an Error with a stack) when it is not there; provbot keeps no conversation state.
    convoStore: false,
    logger: boltLogger(o.log),
  });
  let core: Core | null = null;
  let servicesSetup: ServicesSetupCore | null = null;
  const deps = {
    core: () => core ?? fail('the Slack adapter received a request before attach(core)'),
    servicesSetup: () => servicesSetup,
    client,
    log: o.log,
    afterAck: createAfterAckQueue({ log: o.log }),
    files: slackFiles({ client, botToken: o.botToken, apiUrl: o.apiUrl }),
  };
  if (o.mode === 'socket') app.use(correlateSocketRequests(o.log));
  app.use(labelSlackRequest);
  registerProvCommand(app, deps);
  registerAccessDecisionActions(app, deps);
  registerOpenServicesSetupAction(app, deps);
  registerActivityActions(app, deps);
  registerActivityInputView(app, deps);
  registerOrderFormView(app, deps);
  registerOnboardingFormViews(app, deps);
  registerOnboardingReviewViews(app, deps);
  registerServicesSetupView(app, deps);
  registerUnknownActions(app, deps);
  registerAppHome(app, deps);
  registerUsersCsvShare(app, deps);
  registerCustomerUsersActions(app, deps);
  app.error(async (err) => o.log.error(errorSummary(err), 'unhandled Slack listener error'));

  return {
    // Its own client for the outbox's notices: a 429 goes back to the dispatcher at once (slack-web-client.ts).
    notifier: new SlackNotifier(client, { noticeClient: createSlackNotifierClient(o.botToken, o.apiUrl, o.log), log: o.log }),
    attach: (c, s) => {
      core = c;
      servicesSetup = s ?? null;
    },
    router,
    guard: router ? rejectOversizeSlackBody() : undefined,
    async start() {
      checkTokenInBackground(client, o.log);
      if (o.mode === 'socket') await app.start();
    },
    /** Stops Socket Mode, then waits for the replies of requests already acked. */
    async stop() {
      if (o.mode === 'socket') await app.stop();
      await deps.afterAck.drain();
    },
  };
}

function httpReceiver(o: SlackAdapterOptions): { receiver: Receiver; router: express.Router } {
  if (!o.signingSecret) throw new Error('Slack HTTP mode needs a signing secret');
  const router = express.Router();
  const receiver = new ExpressReceiver({
    signingSecret: o.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    // Ack first, work after: the HTTP response leaves as soon as a listener calls ack().
    processBeforeResponse: false,
    router,
    bodyLimit: SLACK_BODY_LIMIT_BYTES,
    logger: boltLogger(o.log),
  });
  return { receiver, router };
}

function socketReceiver(o: SlackAdapterOptions): { receiver: Receiver; router: null } {
  if (!o.appToken) throw new Error('Slack Socket Mode needs an app-level token (xapp-…)');
  const receiver = new SocketModeReceiver({
    appToken: o.appToken,
    logger: boltLogger(o.log),
    clientPingTimeout: o.socketPingTimeoutMs,
    // The receiver hands these to its socket client's WebClient, which calls apps.connections.open
    // with the app token at this API base (PLATFORM-NOTES). No retryConfig: the socket client's own
    // (100 quick retries) keeps reconnecting through an outage, where ours would give up in seconds.
    installerOptions: { clientOptions: { slackApiUrl: o.apiUrl, timeout: SLACK_REQUEST_TIMEOUT_MS } },
  });
  return { receiver, router: null };
}

/** A wrong or revoked token shows in the log at start-up rather than on the first command; never blocks start-up. */
function checkTokenInBackground(client: ReturnType<typeof createSlackWebClient>, log: Logger): void {
  client.auth
    .test()
    .then((r) => log.info({ team: r.team_id, botUserId: r.user_id }, 'Slack token accepted'))
    .catch((err) => log.warn(errorSummary(err), 'Slack token check failed; commands still work if Slack is reachable later'));
}

function fail(message: string): never {
  throw new Error(message);
}
