import type { webApi } from '@slack/bolt';
import type { Core, Logger, ServicesSetupCore } from '../../core/index';
import type { AfterAckQueue } from './after-ack-queue';
import type { SlackFiles } from './slack-files';

/**
 * Slack waits 3 seconds for the answer to a view_submission; only that answer can
 * keep the modal open with errors under its inputs
 * (https://docs.slack.dev/interactivity/handling-user-interaction#modal_responses).
 * Work that has not finished within the budget carries on after the ack.
 */
export const VIEW_SUBMISSION_BUDGET_MS = 2000;

/** What every listener needs. `core()` throws until the adapter is attached to a core. */
export interface SlackListenerDeps {
  core: () => Core;
  /** The services setup wizard, when the bot runs one (null until attached). */
  servicesSetup?: () => ServicesSetupCore | null;
  client: webApi.WebClient;
  log: Logger;
  /** Where listeners put everything after their ack(). */
  afterAck: AfterAckQueue;
  /** Reads files shared with the bot (files.info, then url_private with the bot token). */
  files?: SlackFiles;
  /** How long a modal submission waits for the core before closing the modal (tests shorten it). */
  viewBudgetMs?: number;
}
