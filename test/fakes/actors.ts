import type { Actor, DirectoryUser } from '../../core/index';

/** An actor as the Slack adapter would resolve it for a directory user. */
export const slackActor = (user: DirectoryUser): Actor => ({
  channel: 'slack',
  name: user.name,
  email: user.email,
  platformUserId: user.slackUserId,
  user,
});
