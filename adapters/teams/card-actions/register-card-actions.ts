import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { ActivityAction } from '../../../core/index';
import type { TeamsRouteDeps } from '../teams-routes';
import { activityAction } from './activity.action';
import { decideAccessAction, UNKNOWN_ACTION } from './decide-access.action';
import { executeRoute } from './execute-route';
import { invokeMessage } from './invoke-message';
import { refreshActivityAction } from './refresh-activity.action';
import { onboardingReviewAction } from './onboarding-review.action';
import { submitOnboardingFormAction } from './submit-onboarding-form.action';
import { submitOrderFormAction } from './submit-order-form.action';
import { servicesSetupAction } from './services-setup.action';
import { openServicesSetupAction } from './open-services-setup.action';

const isCardAction = async (context: TurnContext) => context.activity.type === 'invoke' && context.activity.name === 'adaptiveCard/action';

const ACTIVITY_KINDS: ActivityAction['kind'][] = ['accept', 'approve', 'reject', 'complete', 'decline', 'delegate'];

/**
 * Button verbs are the shared dotted ids (Slack action_id, Teams verb). Routes match
 * in order; the last answers any other card action, including one that is not an
 * Action.Execute at all, which adaptiveCards.actionExecute would throw on.
 */
export function registerCardActions(app: Application<TurnState>, deps: TeamsRouteDeps): void {
  app.adaptiveCards.actionExecute('access.approve', decideAccessAction(deps, 'approve'));
  app.adaptiveCards.actionExecute('access.decline', decideAccessAction(deps, 'decline'));
  for (const kind of ACTIVITY_KINDS) executeRoute(app, [`activity.${kind}`], activityAction(deps, kind));
  executeRoute(app, ['activity.refresh'], refreshActivityAction(deps));
  executeRoute(app, ['order.submit'], submitOrderFormAction(deps));
  executeRoute(app, ['onboarding.customer.submit'], submitOnboardingFormAction(deps, 'customer'));
  executeRoute(app, ['onboarding.template.submit'], submitOnboardingFormAction(deps, 'template'));
  executeRoute(app, ['onboarding.customer.edit', 'onboarding.customer.create'], onboardingReviewAction(deps, 'customer'));
  executeRoute(app, ['onboarding.template.edit', 'onboarding.template.create'], onboardingReviewAction(deps, 'template'));
  executeRoute(app, ['services-setup.next', 'services-setup.back'], servicesSetupAction(deps));
  executeRoute(app, ['services-setup.open'], openServicesSetupAction(deps));
  app.addRoute(isCardAction, async (context) => void (await context.sendActivity(invokeMessage(UNKNOWN_ACTION))), true);
}
