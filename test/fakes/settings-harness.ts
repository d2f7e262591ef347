import type { Actor } from '../../core/index';
import { workflowHarness } from './core-harness';

/**
 * The workflow's people plus Dora, an Administrator of acme.example only: notification
 * settings of a domain are its Administrators'; the system's and the template's belong
 * to Ada, an Administrator everywhere ('*').
 */
export async function settingsHarness() {
  const h = await workflowHarness();
  const dora = await h.deps.users.upsert({
    email: 'dora@acme.example',
    name: 'Dora Domain-Admin',
    slackUserId: 'UDORA',
    teamsUserId: null,
    roles: [{ role: 'Administrator', domain: 'acme.example' }],
  });
  const doraActor: Actor = { channel: 'slack', name: dora.name, email: dora.email, platformUserId: dora.slackUserId, user: dora };
  /** Everything stored, to prove a refused change saved nothing. */
  const stored = () =>
    structuredClone({
      system: h.deps.notificationSettings.system,
      template: h.deps.notificationSettings.template,
      domains: [...h.deps.notificationSettings.domains],
    });
  return { ...h, dora: doraActor, ada: h.as('ada'), stored };
}
