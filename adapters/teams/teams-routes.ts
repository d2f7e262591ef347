import type { Core, Logger } from '../../core/index';
import type { TeamsAddressBook } from './teams-address-book';

/** What every Teams listener needs. `core()` throws until the adapter is attached. */
export interface TeamsRouteDeps {
  core: () => Core;
  addresses: TeamsAddressBook;
  log: Logger;
  /** How long a card action may run before its invoke is answered anyway (Teams waits about 5 s). */
  invokeBudgetMs: number;
}
