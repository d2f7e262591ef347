import type { webApi } from '@slack/bolt';
import type { Actor, Core } from '../../core/index';

/**
 * Who clicked or typed, as the directory knows them. Slack sends only the user id
 * and handle; the email comes from users.info (scope users:read.email) and is
 * asked for only when the id is not yet linked to a directory user.
 * https://docs.slack.dev/reference/methods/users.info
 */
export function identifySlackUser(core: Core, client: webApi.WebClient, user: { id: string; name: string }): Promise<Actor> {
  return core.identifyChatUser({
    platform: 'slack',
    platformUserId: user.id,
    name: user.name,
    lookupEmail: async () => (await client.users.info({ user: user.id })).user?.profile?.email ?? null,
  });
}
