import { API_ACTOR } from '../../adapters/api/api-actor';
import type { Core } from '../../core/index';
import { APPROVAL_ONLY_RULES, BENCH_DOMAIN, inParallel, ORDER, SUBSCRIBER } from './workflow-seed';

/**
 * The order workflow seeded through the core in this process (workflow-seed.ts does it
 * through the bot's REST API): the same subscriber, rules and orders, as the order
 * API's actor.
 */
export interface BenchUser {
  email: string;
  name: string;
  roles: { role: 'Approval' | 'Administrator'; domain: string }[];
}

export async function seedDomain(core: Core, users: BenchUser[]): Promise<void> {
  for (const user of users) await core.registerUser(user);
  await core.registerSubscriber({ actor: API_ACTOR, subscriber: SUBSCRIBER });
  await core.setDomainRules({ actor: API_ACTOR, domain: BENCH_DOMAIN, changes: APPROVAL_ONLY_RULES });
}

/** Places `count` orders, 4 at a time; each opens one Approval, whose id is returned. */
export async function placeApprovals(core: Core, count: number): Promise<string[]> {
  const ids: string[] = new Array(count);
  await inParallel(count, 4, async (i) => {
    const placed = await core.placeWorkOrder({ ...ORDER, actor: API_ACTOR, origin: 'api' } as Parameters<Core['placeWorkOrder']>[0]);
    const approval = placed.activities.find((a) => a.kind === 'Approval' && a.status === 'Open');
    if (!approval) throw new Error(`order ${placed.order.number} opened no Approval`);
    ids[i] = approval.id;
  });
  return ids;
}
