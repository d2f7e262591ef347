import type { Actor } from '../../core/index';

/**
 * Systems that submit orders through the REST API ("the northbound interface") hold
 * the bearer API_TOKEN; the core sees them as one administrator-level actor on the
 * 'api' channel, so that a failed order goes to Hold at once ("Work Order States").
 */
export const API_ACTOR: Actor = {
  channel: 'api',
  name: 'order API',
  email: null,
  platformUserId: null,
  user: {
    id: 'api',
    email: 'api@provbot.invalid',
    name: 'order API',
    slackUserId: null,
    teamsUserId: null,
    roles: [{ role: 'Administrator', domain: '*' }],
  },
};
