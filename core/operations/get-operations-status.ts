import type { CoreDeps } from '../core-deps';
import type { Actor } from '../directory/actor';
import { CoreError } from '../errors';
import { ANY_DOMAIN, hasRole } from '../directory/directory';
import type { OutboxSummary } from '../ports/outbox-repository.port';
import type { SelfDescription } from '../ports/self-report.port';

export interface OperationsStatus extends SelfDescription {
  now: Date;
  uptimeMs: number;
  outbox: OutboxSummary;
}

/**
 * `ops`: how this bot process is running, for the people who operate it. It shows every
 * domain's outbox and the process's errors, so it is for Administrators of every domain
 * ('*'), like the system notification settings.
 */
export async function getOperationsStatus(deps: CoreDeps, input: { actor: Actor }): Promise<OperationsStatus> {
  const { user } = input.actor;
  if (!user || !hasRole(user, 'Administrator', ANY_DOMAIN)) {
    const reason = user
      ? 'it needs the Administrator role in every domain (*): it shows the whole bot'
      : `${input.actor.email ?? input.actor.name} is not in provbot's directory, so holds no role`;
    throw new CoreError('NOT_AUTHORIZED', { action: 'see how provbot is running', reason });
  }
  if (!deps.self) throw new CoreError('INVALID_STATE', { reason: 'this process does not describe itself' });
  const now = deps.clock.now();
  const [self, outbox] = await Promise.all([deps.self.describe(), deps.outbox.summary(now)]);
  return { ...self, now, uptimeMs: Math.max(0, now.getTime() - self.startedAt.getTime()), outbox };
}
