import { z } from 'zod';
import { ANY_DOMAIN } from './directory';
import { CoreError } from '../errors';
import { zodFields } from '../validation-problems';
import type { UserRepository } from '../ports/user-repository.port';

/**
 * A domain as roles, subscribers, rules and notification settings name it: a DNS-like
 * name, lower case ("acme.example"). One rule everywhere, so a domain someone holds a
 * role in can always be typed in a command or a URL.
 */
export const ZDomainName = z
  .string({ invalid_type_error: 'must be a domain' })
  .trim()
  .toLowerCase()
  .min(1, 'is required')
  .max(253, 'must be at most 253 characters')
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/, 'a domain looks like acme.example');

/** Where a role is granted: a domain, or '*' for every domain. */
export const ZGrantDomain = z.union([z.literal(ANY_DOMAIN), ZDomainName]);

/** A domain as typed or sent ("ACME.example"), lower case, or VALIDATION_FAILED naming the rule. */
export function parseDomainName(domain: unknown): string {
  const parsed = ZDomainName.safeParse(domain);
  if (!parsed.success) throw new CoreError('VALIDATION_FAILED', zodFields(parsed.error, { '': 'domain' }));
  return parsed.data;
}

/** A domain someone in the directory holds a role in ("the existing Domains in the system"), or DOMAIN_NOT_FOUND. */
export async function assertKnownDomain(users: Pick<UserRepository, 'listDomains'>, domain: string): Promise<void> {
  if (!(await users.listDomains()).includes(domain)) throw new CoreError('DOMAIN_NOT_FOUND', { domain });
}
