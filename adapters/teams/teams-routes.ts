import type { Core, Logger, ServicesSetupCore } from '../../core/index';
import type { TeamsAddressBook } from './teams-address-book';
import type { TeamsConversations } from './teams-conversations';

/** What every Teams listener needs. `core()` throws until the adapter is attached. */
export interface TeamsRouteDeps {
  core: () => Core;
  /** The services setup wizard, when the bot runs one. */
  servicesSetup?: () => ServicesSetupCore | null;
  addresses: TeamsAddressBook;
  /** To replace a card after its invoke was answered (work that outlasted the budget). */
  conversations: TeamsConversations;
  log: Logger;
  /** How long a card action may run before its invoke is answered anyway (Teams waits about 5 s). */
  invokeBudgetMs: number;
  /** A signed link to a customer's order summary PDF, for `customer summary`; null: none is served. */
  summaryLink?: ((customerId: string) => string) | null;
}
