import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import type { DirectoryUser } from '../directory/directory';
import { CoreError } from '../errors';
import { noWrites } from '../notifications/delivery';
import type { DomainAction } from './domain-action';
import { domainRequestDeliveries } from './plan-access-notices';

/** What asking needs: the services setup asks too, over its own narrower deps. */
export type DomainRequestDeps = Pick<CoreDeps, 'limits' | 'users' | 'accessRequests' | 'deliveries' | 'clock' | 'chat'>;

/**
 * "Its Administrators create templates and customers and set customers up; anyone else
 * gets the same access-request treatment as the partner flows (the request goes to the
 * domain's administrators)." As in ccw-resend-provisioning-email ("Reach out to the
 * contact who placed the order"), provbot does the reaching out: EVERY Administrator of
 * the domain gets an actionable request, any one of them decides, and on approval the
 * write runs with the requester's input. Always throws: the write was not done now;
 * ADMIN_APPROVAL_REQUESTED tells the requester whom it asked, NOT_AUTHORIZED that
 * there is nobody to ask. Only called for members of the domain, who may know its
 * administrators (strangers are refused before: authorize-onboarding).
 */
export async function requestDomainAccess(
  deps: DomainRequestDeps,
  input: { actor: Actor; domain: string; description: string; action: DomainAction },
): Promise<never> {
  const { actor, domain } = input;
  deps.limits.take('accessRequests', actor);
  const administrators = await administratorsOf(deps, domain);
  if (administrators.length === 0) {
    throw new CoreError('NOT_AUTHORIZED', {
      action: input.description,
      reason: `it needs the Administrator role in ${domain}, and ${domain} has no administrator to ask`,
    });
  }
  const { created } = await deps.accessRequests.open(
    {
      orderNumber: null,
      domain,
      action: input.action,
      requester: { name: actor.name, email: actor.email, channel: actor.channel, platformUserId: actor.platformUserId },
      approver: null,
      createdAt: deps.clock.now(),
    },
    (request) => ({ ...noWrites(), deliveries: domainRequestDeliveries(deps, request, administrators) }),
  );
  if (created) await deps.deliveries.deliveriesWritten();
  throw new CoreError('ADMIN_APPROVAL_REQUESTED', {
    domain,
    action: input.description,
    administrators: administrators.map((a) => a.name),
    state: created ? 'sent' : 'waiting',
  });
}

/** The domain's own Administrators; an Administrator of every domain ('*') is asked only when the domain has none. */
export async function administratorsOf(deps: Pick<CoreDeps, 'users'>, domain: string): Promise<DirectoryUser[]> {
  const holders = await deps.users.listByRole('Administrator', domain);
  const own = holders.filter((u) => u.roles.some((g) => g.role === 'Administrator' && g.domain === domain));
  return (own.length ? own : holders).sort((a, b) => a.name.localeCompare(b.name));
}
