import type { CoreDeps } from '../core-deps';
import { CoreError } from '../errors';
import { zodFields } from '../validation-problems';
import { assertHolds } from '../orders/permissions/authorize-work';
import type { RegisterSubscriberInput } from '../orders/use-case-types';
import type { Subscriber } from './subscriber';
import { ZSubscriber } from './subscriber.schemas';

/** Adds or replaces a subscriber, for an Administrator or an Ordering user of the subscriber's domain. */
export async function registerSubscriber(deps: CoreDeps, input: RegisterSubscriberInput): Promise<Subscriber> {
  const parsed = ZSubscriber.safeParse(input.subscriber);
  if (!parsed.success) throw new CoreError('VALIDATION_FAILED', zodFields(parsed.error));
  const s = parsed.data;
  assertHolds(input.actor, ['Administrator', 'Ordering'], s.domain, `register subscribers in ${s.domain}`);
  const existing = await deps.subscribers.findByLogin(s.login);
  // A login names one subscriber: it does not move to another domain by re-registering.
  if (existing && existing.domain !== s.domain) {
    throw new CoreError('CONFLICT', { reason: `subscriber ${s.login} already exists in ${existing.domain}` });
  }
  return deps.subscribers.upsert({ ...s, phoneNumber: s.phoneNumber ?? null, department: s.department ?? null });
}
