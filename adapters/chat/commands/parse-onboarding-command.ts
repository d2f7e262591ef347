import { ArgumentProblem } from './command-words';

/**
 * Onboarding in chat (partner-hub-provision-customer): `templates`, `template <name>`,
 * `template create`, `customers`, `customer <name>`, `customer create`. A name may have
 * spaces ("template Acme Standard"); `create` alone opens the form.
 */
export type OnboardingCommand =
  | { kind: 'templates' }
  | { kind: 'template'; name: string }
  | { kind: 'template-form' }
  | { kind: 'customers' }
  | { kind: 'customer'; name: string }
  | { kind: 'customer-form' };

/** Longer than any template (80) or company name (80) the core stores. */
const NAME_MAX = 80;

export function parseOnboardingArgs(verb: 'templates' | 'template' | 'customers' | 'customer', rest: string): OnboardingCommand {
  if (verb === 'templates' || verb === 'customers') {
    if (rest !== '') throw new ArgumentProblem(`"${verb}" takes nothing after it.`);
    return { kind: verb };
  }
  if (rest === '') throw new ArgumentProblem(`"${verb}" takes a ${verb} name, or "create" to make a new one.`);
  if (rest.toLowerCase() === 'create') return { kind: verb === 'template' ? 'template-form' : 'customer-form' };
  if (rest.length > NAME_MAX) throw new ArgumentProblem(`That ${verb} name is too long (at most ${NAME_MAX} characters).`);
  return { kind: verb, name: rest.replace(/^"(.*)"$/, '$1') };
}
