import type { Actor } from '../directory/actor';
import { advanceServicesSetups } from './advance-services-setups';
import { checkConnectActivations } from './check-connect-activations';
import { customerAdmins } from './customer-admins';
import { getOrderSummary, orderSummaryByLink } from './get-order-summary';
import { getServicesSetup } from './get-services-setup';
import { pendingSetupsFor } from './pending-setups-for';
import { recordConnectActivation } from './record-connect-activation';
import type { ServicesSetupDeps } from './services-setup-deps';
import { submitServicesSetup } from './submit-services-setup';
import { updateServicesSetup } from './update-services-setup';

/**
 * The services setup wizard and what follows it (Connect activation, role mapping),
 * over its own ports. Kept beside createCore until customers live in the core too;
 * changes count against the actor's write limit as createCore's do.
 */
export function createServicesSetup(deps: ServicesSetupDeps) {
  const write =
    <I extends { actor: Actor }, O>(useCase: (d: ServicesSetupDeps, i: I) => Promise<O>) =>
    (input: I) => {
      deps.limits.take('writes', input.actor);
      return useCase(deps, input);
    };
  return {
    getServicesSetup: (input: { actor: Actor; customerId: string }) => getServicesSetup(deps, input),
    updateServicesSetup: write(updateServicesSetup),
    submitServicesSetup: write(submitServicesSetup),
    getOrderSummary: (input: { actor: Actor; customerId: string }) => getOrderSummary(deps, input),
    /** For a signed link's holder (the link is the credential). */
    orderSummaryByLink: (customerId: string) => orderSummaryByLink(deps, customerId),
    customerAdmins: (input: { actor: Actor; customerId: string }) => customerAdmins(deps, input),
    recordConnectActivation: write(recordConnectActivation),
    pendingSetupsFor: (actor: Actor) => pendingSetupsFor(deps, actor),
    /** The scheduler's steps: backend progress, then Connect activation reminders and deadlines. */
    advanceServicesSetups: () => advanceServicesSetups(deps),
    checkConnectActivations: () => checkConnectActivations(deps),
  };
}
export type ServicesSetupCore = ReturnType<typeof createServicesSetup>;
