import type { CustomerDirectory } from '../core/index';

/**
 * The customers the services setup sees until onboarding's customers repository is
 * connected here: none, so every customer id answers "not found" rather than
 * something invented. Tests pass their own directory through startBot.
 */
export const NO_CUSTOMERS: CustomerDirectory = {
  findCustomerForSetup: async () => null,
  listCustomersAdministeredBy: async () => [],
};
