import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { advanceWizard } from '../../chat/run-setup-command';
import { isSetupPage, presentSetupPage } from '../../presenters/present-services-setup';
import type { SetupPage } from '../../presenters/present-services-setup';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { renderSetupCard } from '../cards/services-setup.card';
import { renderViewCard } from '../cards/view.card';
import { presentFailure } from '../teams-errors';
import { identifyTeamsUser } from '../teams-identity';
import type { TeamsRouteDeps } from '../teams-routes';
import { verbOf } from './execute-route';

const ZSetupData = z.object({
  customerId: z.string().min(1).max(100),
  page: z.string().refine(isSetupPage),
  value: z.string().max(200).optional(),
});

/**
 * A services setup card's button: `services-setup.next` stores the page (the core
 * decides) and answers with the next page's card, in place of this one;
 * `services-setup.back` (the review's "Go back and edit") answers with the page named.
 */
export function servicesSetupAction(deps: TeamsRouteDeps) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCard | string> => {
    try {
      const setup = deps.servicesSetup?.();
      if (!setup) throw new Error('the services setup is not attached to the Teams adapter');
      const d = ZSetupData.parse(data);
      const page = d.page as SetupPage;
      const actor = await identifyTeamsUser(deps.core(), context);
      if (verbOf(context) === 'services-setup.back')
        return renderSetupCard(presentSetupPage(await setup.getServicesSetup({ actor, customerId: d.customerId }), page));
      const step = await advanceWizard(setup, actor, { customerId: d.customerId, page, ...(d.value ? { value: d.value } : {}) });
      if (step.kind === 'page') return renderSetupCard(step.page);
      if (step.kind === 'submitted') return renderViewCard(step.view);
      const again = presentSetupPage(await setup.getServicesSetup({ actor, customerId: d.customerId }), page);
      return renderSetupCard(again, Object.values(step.problems).join(' '));
    } catch (err) {
      return renderViewCard(presentFailure(err, deps.log, 'Teams services setup'));
    }
  };
}
