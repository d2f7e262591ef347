import type { CoreDeps } from '../core-deps';
import { CoreError } from '../errors';
import type { CustomerProvisioning } from '../ports/customer-provisioning.port';
import { ProvisioningUnavailable } from '../ports/customer-provisioning.port';

/**
 * A call to Webex whose "not now" (busy, down, unreachable, or no backend wired)
 * becomes PROVISIONING_UNAVAILABLE: nothing was created, the caller may try again.
 */
export async function askProvisioning<T>(deps: CoreDeps, call: (provisioning: CustomerProvisioning) => Promise<T>): Promise<T> {
  if (!deps.customerProvisioning) {
    throw new CoreError('PROVISIONING_UNAVAILABLE', { reason: 'no customer provisioning backend is configured', retryAfterSeconds: null });
  }
  try {
    return await call(deps.customerProvisioning);
  } catch (err) {
    if (err instanceof ProvisioningUnavailable) {
      const retryAfterSeconds = err.retryAfterMs === undefined ? null : Math.ceil(err.retryAfterMs / 1000);
      throw new CoreError('PROVISIONING_UNAVAILABLE', { reason: err.reason, retryAfterSeconds });
    }
    throw err;
  }
}
