import type { FieldProblem } from '../errors';
import type { WebexPackage } from '../ports/customer-provisioning.port';
import { ADD_ON_PACKAGES, CALLING_PACKAGES } from './onboarding';

/** "cisco_calling_plan and attendant_console are add-ons that need a calling package" (Webex Wholesale API). */
export function packageProblems(packages: readonly WebexPackage[], allowed?: readonly WebexPackage[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const addOns = packages.filter((p) => ADD_ON_PACKAGES.includes(p));
  if (addOns.length && !packages.some((p) => CALLING_PACKAGES.includes(p))) {
    problems.push({
      field: 'packages',
      message: `${addOns.join(' and ')} ${addOns.length === 1 ? 'is an add-on' : 'are add-ons'} and need a calling package (${CALLING_PACKAGES.join(', ')}).`,
    });
  }
  const notAllowed = allowed ? packages.filter((p) => !allowed.includes(p)) : [];
  if (notAllowed.length) {
    problems.push({
      field: 'packages',
      message: `The template does not allow ${notAllowed.join(', ')}; it allows ${allowed?.join(', ')}.`,
    });
  }
  return problems;
}

export const hasCalling = (packages: readonly WebexPackage[]): boolean => packages.some((p) => CALLING_PACKAGES.includes(p));
