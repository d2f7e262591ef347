import { CoreError } from '../errors';
import { problem } from '../validation-problems';
import type { SubscriberProduct } from '../subscribers/subscriber';
import type { ProductType } from './catalog';
import { CANCEL_CASCADE, REQUIRES } from './catalog';

/**
 * A Line on a Shared Phone is the subscriber's line all the same: Table 10-5 cancels
 * "Email, Voicemail, Unified Messaging" with it, so those hang on it as on a Line.
 */
export function satisfies(have: ProductType, need: ProductType): boolean {
  return have === need || (need === 'Line' && have === 'Line on a Shared Phone');
}

/** One of each per line: "This second voicemail will fail on Cisco Unity because a voicemail already exists" (shared phones notes). */
const ONE_PER_PARENT: readonly ProductType[] = ['Voicemail', 'Email', 'Unified Messaging'];

export interface PlannedItem {
  itemNumber: number;
  type: ProductType;
  parentItemNumber: number | null;
  parentProductId: string | null;
}

/**
 * Where each new product hangs. "Product dependencies: Line requires an existing Phone.
 * Voicemail and Email require an existing Line. Unified Messaging requires Email.
 * Extension Mobility Line requires Extension Mobility Access" (Example Order Procedure):
 * met by an earlier item of the same order, else by a product the subscriber has,
 * named by `parentProductId` or the only one that fits.
 */
export function planAddItems(
  types: readonly ProductType[],
  login: string,
  existing: readonly SubscriberProduct[],
  parentProductId: string | undefined,
): PlannedItem[] {
  const items: PlannedItem[] = [];
  for (const [i, type] of types.entries()) {
    const need = type === 'Line on a Shared Phone' ? 'Phone' : REQUIRES[type][0];
    const base = { itemNumber: i + 1, type, parentItemNumber: null, parentProductId: null };
    const earlier = need ? [...items].reverse().find((it) => satisfies(it.type, need)) : undefined;
    if (!need) items.push(base);
    else if (earlier && type !== 'Line on a Shared Phone') items.push({ ...base, parentItemNumber: earlier.itemNumber });
    else items.push({ ...base, parentProductId: existingParent(type, need, login, existing, parentProductId).id });
  }
  return items;
}

function existingParent(
  type: ProductType,
  need: ProductType,
  login: string,
  existing: readonly SubscriberProduct[],
  named: string | undefined,
): SubscriberProduct {
  if (named) {
    const p = existing.find((e) => e.id === named);
    if (!p) throw new CoreError('PRODUCT_NOT_FOUND', { productId: named });
    if (!satisfies(p.type, need)) throw invalid(`Product ${p.id} is a ${p.type}; a ${type} goes on a ${need}`);
    if (type === 'Line on a Shared Phone' && p.subscriberLogin === login)
      throw invalid(`Phone ${p.id} is ${login}'s own phone: order a Line on it instead`);
    // Only a Line on a Shared Phone goes on another subscriber's product ("Order a Line on a Shared Phone when users require their own separate lines on the same physical phone").
    if (type !== 'Line on a Shared Phone' && p.subscriberLogin !== login) {
      throw invalid(
        `${need} ${p.id} belongs to ${p.subscriberLogin}, not ${login}: a ${type} goes on ${login}'s own ${need}${type === 'Line' ? ', or order a Line on a Shared Phone' : ''}`,
      );
    }
    if (hasChildOfType(p, type, existing)) throw new CoreError('CONFLICT', { reason: `${need} ${p.id} already has a ${type}` });
    return p;
  }
  if (type === 'Line on a Shared Phone') throw invalid('A Line on a Shared Phone needs the phone it goes on, owned by another subscriber');
  const fitting = existing.filter((e) => e.subscriberLogin === login && satisfies(e.type, need));
  if (fitting.length === 0) throw new CoreError('DEPENDENCY_MISSING', { product: type, requires: [need] });
  const free = fitting.filter((p) => !hasChildOfType(p, type, existing));
  if (free.length === 0) throw new CoreError('CONFLICT', { reason: `every ${need} of ${login} already has a ${type}` });
  if (free.length > 1)
    throw invalid(
      `${login} has ${free.length} products a ${type} could go on (${free.map((p) => p.id).join(', ')}): name the one it goes on`,
    );
  return free[0]!;
}

function hasChildOfType(parent: SubscriberProduct, type: ProductType, all: readonly SubscriberProduct[]): boolean {
  return ONE_PER_PARENT.includes(type) && all.some((c) => c.parentId === parent.id && c.type === type);
}

/** Every refusal here is about the product the new one goes on. */
const invalid = (message: string) => new CoreError('VALIDATION_FAILED', { fields: [problem('parentProductId', message)] });

/**
 * The product and "all products associated with it" (Canceling Products, Table 10-5),
 * deepest first so nothing is left hanging on a removed product. Associated products
 * are its descendants, and for Voicemail and Email the messaging products on the same
 * line (the table cancels Email with Voicemail although both hang on the Line).
 */
export function cancelSet(product: SubscriberProduct, all: readonly SubscriberProduct[]): SubscriberProduct[] {
  const cascade = CANCEL_CASCADE[product.type];
  const roots = [product];
  if ((product.type === 'Voicemail' || product.type === 'Email') && product.parentId) {
    roots.push(...all.filter((p) => p.parentId === product.parentId && p.id !== product.id && cascade.includes(p.type)));
  }
  const found: { product: SubscriberProduct; depth: number }[] = [];
  const visit = (p: SubscriberProduct, depth: number) => {
    if (found.some((f) => f.product.id === p.id)) return;
    found.push({ product: p, depth });
    for (const child of all.filter((c) => c.parentId === p.id && cascade.includes(c.type))) visit(child, depth + 1);
  };
  for (const [i, r] of roots.entries()) visit(r, i === 0 ? 0 : 1);
  // Stable: deepest first, then the order they were found in.
  return found
    .map((f, i) => ({ ...f, i }))
    .sort((a, b) => b.depth - a.depth || a.i - b.i)
    .map((f) => f.product);
}

/** "When you change ownership of a phone, all products associated to the phone (Line, Email, Voicemail, and Unified Messaging) are also changed." */
export function ownedWithPhone(phone: SubscriberProduct, all: readonly SubscriberProduct[]): SubscriberProduct[] {
  return [
    phone,
    ...cancelSet(phone, all)
      .filter((p) => p.id !== phone.id)
      .reverse(),
  ];
}
