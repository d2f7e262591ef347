import type { Actor } from '../directory/actor';
import { sameEmail } from '../directory/actor';
import type { ControlHubRole } from '../ports/customer-directory.port';
import { authorizeServicesSetup } from './authorize-services-setup';
import type { ConnectRole } from './connect-roles';
import { CONNECT_TO_CONTROL_HUB, CONTROL_HUB_TO_CONNECT } from './connect-roles';
import type { ServicesSetupDeps } from './services-setup-deps';

export interface CustomerAdminView {
  email: string;
  name: string;
  controlHubRole: ControlHubRole;
  /** Where the sync puts them in Connect (Table 1). */
  connectRole: ConnectRole;
  /** What that Connect role maps back to in Control Hub (Table 2): a Contact Center Administrator comes back a Full Administrator. */
  controlHubRoleFromConnect: ControlHubRole;
  /** The Connect activation deadline, when one runs for them. */
  activation: { deadline: Date; state: 'waiting' | 'activated' | 'expired'; activatedAt: Date | null } | null;
}

/** `customer admins <customer>`: each administrator's Control Hub role and the Connect role it maps to, both ways. */
export async function customerAdmins(
  deps: ServicesSetupDeps,
  input: { actor: Actor; customerId: string },
): Promise<{ customerId: string; customerName: string; admins: CustomerAdminView[] }> {
  const customer = await authorizeServicesSetup(deps, input.actor, input.customerId, "see the customer's administrators");
  const activations = await deps.connectActivations.listForCustomer(customer.id);
  const admins = customer.administrators.map((a) => {
    const connectRole = CONTROL_HUB_TO_CONNECT[a.controlHubRole];
    const act = activations.find((x) => sameEmail(x.adminEmail, a.email));
    return {
      email: a.email,
      name: a.name,
      controlHubRole: a.controlHubRole,
      connectRole,
      controlHubRoleFromConnect: CONNECT_TO_CONTROL_HUB[connectRole],
      activation: act
        ? {
            deadline: act.deadline,
            activatedAt: act.activatedAt,
            state: act.activatedAt ? ('activated' as const) : act.expiredAt ? ('expired' as const) : ('waiting' as const),
          }
        : null,
    };
  });
  return { customerId: customer.id, customerName: customer.name, admins };
}
