import type { SubscriberProduct } from '../../subscribers/subscriber';

/**
 * "If the first subscriber deletes a shared line or a phone, the associates of the
 * shared line or a phone will move to the second subscriber" (Notes on Ordering Shared
 * Phones and Lines). A phone cancelled by its owner while another subscriber still has
 * a Line on a Shared Phone on it is not removed: it moves to that subscriber (the one
 * whose line was provisioned first), and stays shared while a third one has a line on it.
 * `known` holds the products hanging on the phone; `removed` what the order takes away.
 * Returns null when nobody else has a line on the phone (it is removed as usual).
 */
export function handOverSharedPhone(
  phone: SubscriberProduct,
  known: ReadonlyMap<string, SubscriberProduct>,
  removed: ReadonlySet<string>,
): SubscriberProduct | null {
  const othersLines = [...known.values()].filter(
    (p) =>
      p.parentId === phone.id && p.type === 'Line on a Shared Phone' && p.subscriberLogin !== phone.subscriberLogin && !removed.has(p.id),
  );
  const heir = othersLines[0];
  if (!heir) return null;
  const stillShared = othersLines.some((l) => l.subscriberLogin !== heir.subscriberLogin);
  return { ...phone, subscriberLogin: heir.subscriberLogin, domain: heir.domain, shared: stillShared, openOrderNumber: null };
}
