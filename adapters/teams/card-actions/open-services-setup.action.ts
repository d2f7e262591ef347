import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { runSetupCommand } from '../../chat/run-setup-command';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { renderSetupCard } from '../cards/services-setup.card';
import { renderViewCard } from '../cards/view.card';
import { presentFailure } from '../teams-errors';
import { identifyTeamsUser } from '../teams-identity';
import type { TeamsRouteDeps } from '../teams-routes';

/** The button's data: the customer's id (action-inputs.ts puts a view action's value under `value`). */
const ZOpenData = z.object({ value: z.string().min(1).max(100) });

/**
 * "Set up the services now" on a customer's status card or an order placer's offer:
 * answered with the wizard's first card in place of this one (for the clicker), as
 * `services setup <customer>` answers; a setup already submitted shows its progress.
 * Who may is the core's decision; a refusal comes back as a card saying why.
 */
export function openServicesSetupAction(deps: TeamsRouteDeps) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCard | string> => {
    try {
      const setup = deps.servicesSetup?.();
      if (!setup) throw new Error('the services setup is not attached to the Teams adapter');
      const { value: customer } = ZOpenData.parse(data);
      const core = deps.core();
      const actor = await identifyTeamsUser(core, context);
      const reply = await runSetupCommand({ core, setup }, actor, { kind: 'services-setup', customer });
      if (reply.kind === 'open-setup') return renderSetupCard(reply.page);
      return renderViewCard(reply.view);
    } catch (err) {
      return renderViewCard(presentFailure(err, deps.log, 'Teams services setup'));
    }
  };
}
