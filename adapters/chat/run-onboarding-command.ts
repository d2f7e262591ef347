import type { Actor, Core } from '../../core/index';
import { closestWords, orList } from '../presenters/closest-words';
import type { OnboardingCommand } from './commands/parse-onboarding-command';
import { presentCustomer, presentCustomers, presentTemplate, presentTemplates } from '../presenters/present-onboarding';
import type { OnboardingForm } from '../presenters/onboarding-forms';
import { templateForm } from '../presenters/onboarding-forms';
import type { View } from '../presenters/view';
import { openCustomerForm } from './submit-onboarding-form';

/** `template create`, `customer create`: the platform opens the form (Slack a modal, Teams a card). */
export interface OpenOnboardingForm {
  kind: 'open-onboarding-form';
  form: OnboardingForm;
}

/**
 * Templates and customers are named in chat by their names (ids only in the API):
 * the one of the actor's domains with that name, case aside, else a reply that
 * names the closest ones.
 */
export async function runOnboardingCommand(
  core: Core,
  actor: Actor,
  c: OnboardingCommand,
  prefix: string,
): Promise<View | OpenOnboardingForm> {
  switch (c.kind) {
    case 'templates':
      return presentTemplates(await core.listTemplates({ actor }), prefix);
    case 'customers':
      return presentCustomers(await core.listCustomers({ actor }), prefix);
    case 'template-form':
      return { kind: 'open-onboarding-form', form: templateForm() };
    case 'customer-form': {
      const form = await openCustomerForm(core, actor, prefix);
      return 'submitLabel' in form ? { kind: 'open-onboarding-form', form } : form;
    }
    case 'template': {
      const templates = await core.listTemplates({ actor });
      const found = byName(templates, c.name);
      return found ? presentTemplate(found) : notFound('onboarding template', 'templates', c.name, templates, prefix);
    }
    case 'customer': {
      const customers = await core.listCustomers({ actor });
      const found = byName(customers, c.name);
      // The listing has no locations: the customer itself carries them, headquarters first.
      if (!found) return notFound('customer', 'customers', c.name, customers, prefix);
      const view = presentCustomer(await core.getCustomer({ actor, customerId: found.id }));
      // Set up Customer, "Add users": once its organization exists on Webex, where to start.
      if (!found.orgId) return view;
      return {
        ...view,
        paragraphs: [...view.paragraphs, `Add its users from a CSV file: "${prefix}customer users ${found.name}" says how.`],
      };
    }
  }
}

const byName = <T extends { name: string }>(items: T[], name: string): T | undefined =>
  items.find((i) => i.name.toLowerCase() === name.toLowerCase());

/** No template or customer of that name: the closest names, and the command that lists them. */
export function notFound(what: string, list: string, name: string, items: { name: string }[], prefix: string): View {
  const close = closestWords(
    name,
    items.map((i) => i.name),
  );
  return {
    title: `No ${what} named ${name}`,
    tone: 'warning',
    paragraphs: [
      `I can't find ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} named "${name}" in your domains.${close.length ? ` Did you mean ${orList(close)}?` : ''}`,
      `"${prefix}${list}" lists them.`,
    ],
  };
}
