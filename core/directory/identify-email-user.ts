import type { CoreDeps } from '../core-deps';
import type { Actor } from './actor';

/**
 * Whoever followed a signed email link: the signature vouches for the address the
 * link was sent to, and the directory (when it knows them) supplies name and roles.
 */
export async function identifyEmailUser(deps: CoreDeps, email: string): Promise<Actor> {
  const user = await deps.users.findByEmail(email);
  return { channel: 'email', name: user?.name ?? email, email, platformUserId: null, user };
}
