import type { CoreDeps } from '../core-deps';
import { administratorsOf } from './request-domain-access';

/**
 * What the final button of a review (Create customer, Submit) will do for this person,
 * decided here so the adapters never re-derive who holds which role: null when it does
 * the write; else it only asks these administrators of the domain (request-domain-access.ts:
 * "anyone else gets the same access-request treatment as the partner flows (the request
 * goes to the domain's administrators)"), and the review must say so before it is pressed.
 */
export interface SubmitAsks {
  domain: string;
  /** Their names, as the request will reach them; empty when the domain has nobody to ask. */
  administrators: string[];
}

export async function submitAsksFor(
  deps: Pick<CoreDeps, 'users'>,
  standing: 'administrator' | 'allowed' | 'member',
  domain: string,
): Promise<SubmitAsks | null> {
  if (standing !== 'member') return null;
  return { domain, administrators: (await administratorsOf(deps, domain)).map((a) => a.name) };
}
