import { webApi } from '@slack/bolt';
import type { Logger } from '../../core/index';
import { boltLogger } from './bolt-logger';

/**
 * A finite retry policy: the WebClient's default retries for about 30 minutes
 * (tenRetriesInAboutThirtyMinutes), which would leave a click or a command
 * waiting on a dead API long after Slack stopped caring (an interaction's
 * response_url expires after 30 minutes). Three attempts within a few seconds.
 */
export const SLACK_RETRY_CONFIG = { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2000, randomize: true } as const;

/** Per request; Slack's own API answers in well under a second. */
export const SLACK_REQUEST_TIMEOUT_MS = 10_000;

export function slackClientOptions(apiUrl: string, log: Logger) {
  return {
    slackApiUrl: apiUrl,
    retryConfig: { ...SLACK_RETRY_CONFIG },
    timeout: SLACK_REQUEST_TIMEOUT_MS,
    logger: boltLogger(log),
  };
}

/** The Web API client of the listeners (commands, clicks, modals). */
export function createSlackWebClient(botToken: string, apiUrl: string, log: Logger): webApi.WebClient {
  return new webApi.WebClient(botToken, slackClientOptions(apiUrl, log));
}

/**
 * The notifier's own client, for the outbox. It does not wait out a 429: with
 * `rejectRateLimitedCalls` it throws at once with Slack's Retry-After (WebAPIRateLimitedError),
 * and the dispatcher holds that destination for as long as Slack said. Nor does it retry:
 * the dispatcher owns retries, counts them and dead-letters the last, and a retry in here
 * would hold the destination's queue without it knowing.
 * https://docs.slack.dev/tools/node-slack-sdk/web-api#rate-limits
 */
export function createSlackNotifierClient(botToken: string, apiUrl: string, log: Logger): webApi.WebClient {
  return new webApi.WebClient(botToken, { ...slackClientOptions(apiUrl, log), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
}
