import { z } from 'zod';
import { ANY_DOMAIN } from './directory';

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
