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

/**
 * "Administrators should be provisioned with the same level of package as the customer
 * organization was created with" (Set up Customer, What to do next). Levels: the suite
 * above the single-workload packages, those above the basic and add-on ones.
 */
const PACKAGE_LEVEL: Record<WebexPackage, number> = {
  webex_suite: 3,
  webex_calling: 2,
  webex_meetings: 2,
  cx_premium_agent: 2,
  webex_calling_standard: 1,
  webex_voice: 1,
  cx_essentials: 1,
  cx_standard_agent: 1,
  common_area_calling: 0,
  attendant_console: 0,
  cisco_calling_plan: 0,
};

/** True when `given` is below the highest level among the customer's packages. */
export function isPackageDowngrade(given: WebexPackage, customerPackages: readonly WebexPackage[]): boolean {
  const top = Math.max(...customerPackages.map((p) => PACKAGE_LEVEL[p]));
  return PACKAGE_LEVEL[given] < top;
}
