import type { CoreDeps } from '../core-deps';
import type { Actor } from './actor';
import type { ChatPlatform } from './directory';

export interface ChatIdentity {
  platform: ChatPlatform;
  platformUserId: string;
  /** The display name the platform gave, used when the directory does not know the user. */
  name: string;
  /** Asks the platform for the user's email (Slack users.info, Teams roster); null if it has none. */
  lookupEmail: () => Promise<string | null>;
}

/**
 * "Chat users are matched to the directory by their platform id, else by email."
 * A match by email links the platform id, so the platform is asked only once.
 */
export async function identifyChatUser(deps: CoreDeps, identity: ChatIdentity): Promise<Actor> {
  const base = { channel: identity.platform, platformUserId: identity.platformUserId };
  const known = await deps.users.findByPlatformId(identity.platform, identity.platformUserId);
  if (known) return { ...base, name: known.name, email: known.email, user: known };

  const email = await identity.lookupEmail().catch((err) => {
    deps.log.warn({ platform: identity.platform, reason: String(err) }, 'email lookup failed');
    return null;
  });
  const user = email ? await deps.users.findByEmail(email) : null;
  if (user) {
    await deps.users.linkPlatformId(user.id, identity.platform, identity.platformUserId);
    const linked = { ...user, [identity.platform === 'slack' ? 'slackUserId' : 'teamsUserId']: identity.platformUserId };
    return { ...base, name: user.name, email: user.email, user: linked };
  }
  return { ...base, name: identity.name, email, user: null };
}
