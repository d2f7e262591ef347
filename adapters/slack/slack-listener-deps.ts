import type { webApi } from '@slack/bolt';
import type { Core, Logger } from '../../core/index';
import type { AfterAckQueue } from './after-ack-queue';

/** What every listener needs. `core()` throws until the adapter is attached to a core. */
export interface SlackListenerDeps {
  core: () => Core;
  client: webApi.WebClient;
  log: Logger;
  /** Where listeners put everything after their ack(). */
  afterAck: AfterAckQueue;
  /** How long a modal submission waits for the core before closing the modal (tests shorten it). */
  viewBudgetMs?: number;
}
