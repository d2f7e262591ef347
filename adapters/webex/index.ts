import type { CustomerProvisioning, Logger } from '../../core/index';
import { createSimulatedProvisioning, type SimulatedProvisioningOptions } from './simulated-provisioning';
import type { WebexTimer } from './webex-pace';
import { createWebexProvisioningClient } from './webex-provisioning-client';

export type { SimulatedFailure } from './simulated-failures';
export type { SimulatedProvisioning, SimulatedProvisioningOptions } from './simulated-provisioning';
export { createSimulatedProvisioning } from './simulated-provisioning';
export { createWebexProvisioningClient } from './webex-provisioning-client';

export interface CustomerProvisioningOptions {
  /** WEBEX_ACCESS_TOKEN: set, the real API; unset, the embedded simulator. */
  accessToken?: string;
  /** WEBEX_API_URL. */
  apiUrl: string;
  maxRequestsPerSecond?: number;
  logger?: Logger;
  timer?: WebexTimer;
  /** How the simulator behaves when there is no token. */
  simulator?: SimulatedProvisioningOptions;
}

/** The Webex client when a token is configured, else the embedded simulator (so `npm start` needs no account). */
export function createCustomerProvisioning(options: CustomerProvisioningOptions): CustomerProvisioning {
  const { accessToken, apiUrl, maxRequestsPerSecond, logger, timer } = options;
  if (accessToken) return createWebexProvisioningClient({ accessToken, apiUrl, maxRequestsPerSecond, logger, timer });
  return createSimulatedProvisioning(options.simulator);
}
