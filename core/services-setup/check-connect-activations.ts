import type { NewDelivery } from '../notifications/delivery';
import type { ConnectActivation } from './services-setup';
import type { ServicesSetupDeps } from './services-setup-deps';

const PER_TICK = 500;

/**
 * The scheduler's step for Connect activations (seed: "If you don't activate your
 * account within 7 business days, you'll need to be added again from either Control
 * Hub or Connect"): the administrator is reminded two business days before the
 * deadline; once it passes they are told they must be added again, and the partner
 * domain's administrators are told too. Each stage is settled with its notices in one
 * transaction, once, whichever process gets it.
 */
export async function checkConnectActivations(deps: ServicesSetupDeps): Promise<{ reminded: number; expired: number }> {
  const now = deps.clock.now();
  const result = { reminded: 0, expired: 0 };
  for (const activation of await deps.connectActivations.listDue(now, PER_TICK)) {
    const stage = activation.deadline <= now ? 'expired' : 'reminded';
    const deliveries =
      stage === 'expired' ? await expiredNotices(deps, activation, now) : [notice(activation, 'reminder', activation.adminEmail, now)];
    if (await deps.connectActivations.settle(activation.id, stage, now, { deliveries, digestItems: [], escalations: [] }))
      result[stage] += 1;
  }
  if (result.reminded + result.expired) await deps.deliveries.deliveriesWritten();
  return result;
}

async function expiredNotices(deps: ServicesSetupDeps, activation: ConnectActivation, now: Date): Promise<NewDelivery[]> {
  const partners = await deps.users.listByRole('Administrator', activation.partnerDomain);
  const partnerEmails = [...new Set(partners.map((p) => p.email.trim().toLowerCase()))];
  return [
    notice(activation, 'expired', activation.adminEmail, now),
    ...partnerEmails.map((to) => notice(activation, 'partner-expired', to, now)),
  ];
}

function notice(a: ConnectActivation, stage: 'reminder' | 'expired' | 'partner-expired', to: string, now: Date): NewDelivery {
  return {
    key: `connect-activation:${a.id}:${stage}:${to.trim().toLowerCase()}`,
    target: { channel: 'email', address: to, asUser: false, domain: stage === 'partner-expired' ? a.partnerDomain : null },
    content: {
      kind: 'connect-activation',
      stage,
      customerName: a.customerName,
      adminEmail: a.adminEmail,
      deadline: a.deadline.toISOString(),
    },
    dueAt: now,
  };
}
