import type { ProductType } from '../catalog/catalog';
import { ATTRIBUTE_KEYS, checkAttributes } from '../catalog/catalog.schemas';
import { ownedWithPhone } from '../catalog/dependencies';
import type { CoreDeps } from '../core-deps';
import { CoreError } from '../errors';
import type { FieldKey } from '../validation-problems';
import { problem, zodFields } from '../validation-problems';
import type { Subscriber, SubscriberProduct } from '../subscribers/subscriber';
import { assertHolds, mayConfigureAdvanced, ORDERING } from './permissions/authorize-work';
import { assertNoOpenOrder, readProduct, readSubscriber } from './use-case-parts/read-workflow';
import { submitOrder } from './use-case-parts/submit-order';
import type { ChangeProductInput, PlacedWorkOrder } from './use-case-types';
import type { ChangeKind, OrderItem } from './model/work-order';
import { ZChangeProductFields } from './order.schemas';
import { invalid } from './model/work-order-machine';

const CHANGE_KINDS: readonly ChangeKind[] = ['Settings', 'Replace', 'Change Owner'];

/**
 * A Change order against one product: its settings ("Changing Phone Settings",
 * "Changing Line Information"), a new phone in its place ("Replacing Existing Phones"),
 * or a new owner for a phone and what hangs on it ("Changing Owners of Phones").
 */
export async function changeProduct(deps: CoreDeps, input: ChangeProductInput): Promise<PlacedWorkOrder> {
  const shape = ZChangeProductFields.safeParse(input);
  if (!shape.success) throw new CoreError('VALIDATION_FAILED', zodFields(shape.error));
  const product = await readProduct(deps, input.productId);
  const owner = await readSubscriber(deps, product.subscriberLogin);
  // "Users with the Ordering or Advanced Ordering role can make these changes" (Changing Owners of Phones).
  const roles = input.changeKind === 'Change Owner' ? [...ORDERING, 'Advanced Ordering' as const] : ORDERING;
  assertHolds(input.actor, roles, product.domain, `change ${product.type} ${product.id}`);
  if (!CHANGE_KINDS.includes(input.changeKind)) fail('changeKind', `Choose one of ${CHANGE_KINDS.join(', ')}`);
  const changes = input.attributes ?? {};
  const advanced = mayConfigureAdvanced(input.actor, product.domain);

  let against: SubscriberProduct[] = [product];
  let items: OrderItem[];
  let newOwnerLogin: string | null = null;
  if (input.changeKind === 'Change Owner') {
    const moved = await changeOwnerItems(deps, product, owner, input.newOwnerLogin, changes, advanced);
    ({ against, items } = moved);
    newOwnerLogin = moved.newOwner.login;
  } else {
    assertNoOpenOrder([product]);
    const named = canonical(product.type, changes);
    const attributes = input.changeKind === 'Replace' ? replaceAttributes(product, named) : settingsAttributes(product, named);
    items = [itemFor(1, product, checked(product.type, attributes, owner, advanced))];
  }
  return submitOrder(
    deps,
    input.actor,
    {
      kind: 'Change',
      changeKind: input.changeKind,
      orderable: product.type,
      domain: product.domain,
      subscriberLogin: product.subscriberLogin,
      newOwnerLogin,
      origin: input.origin,
      items,
      requestedDeliveryDate: null,
    },
    against,
  );
}

/** The product's own attributes (validated again whole) with the changes over them. Other provisioning attributes stay as they were. */
function known(product: SubscriberProduct): Record<string, string> {
  return Object.fromEntries(Object.entries(product.attributes).filter(([k]) => ATTRIBUTE_KEYS[product.type].includes(k)));
}

/** The changes with the product type's own keys spelt as the catalog spells them, so they replace the old values. */
function canonical(type: ProductType, changes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(changes).map(([k, v]) => [ATTRIBUTE_KEYS[type].find((known) => known.toLowerCase() === k.toLowerCase()) ?? k, v]),
  );
}

function settingsAttributes(product: SubscriberProduct, changes: Record<string, string>): Record<string, string> {
  if (Object.keys(changes).length === 0)
    fail(
      'attributes',
      `Say what to change on ${product.type} ${product.id} (attributes such as ${ATTRIBUTE_KEYS[product.type].join(', ') || 'provisioning attributes'})`,
    );
  if (product.type === 'Phone') {
    // "Because the Change feature does not have the capability to replace the physical
    // phone, you cannot replace the phone type or MAC address with this feature."
    const locked = ['phoneType', 'macAddress'].filter((k) => k in changes && changes[k] !== product.attributes[k]);
    if (locked.length)
      throw new CoreError('VALIDATION_FAILED', {
        fields: locked.map((k) => problem(k as FieldKey, 'Changes only with a Replace order, which puts a new phone in its place')),
      });
  }
  return { ...known(product), ...changes };
}

/** A new phone in place of the old: a new type or MAC address lets the device name follow. */
function replaceAttributes(product: SubscriberProduct, changes: Record<string, string>): Record<string, string> {
  if (product.type !== 'Phone') fail('productId', `Only a Phone is replaced; ${product.id} is a ${product.type}`);
  const base = known(product);
  const newType = changes.phoneType !== undefined && changes.phoneType !== base.phoneType;
  if (newType || changes.macAddress !== undefined) delete base.deviceName;
  if (newType && changes.macAddress === undefined) delete base.macAddress;
  return { ...base, ...changes };
}

async function changeOwnerItems(
  deps: CoreDeps,
  phone: SubscriberProduct,
  owner: Subscriber,
  newOwnerLogin: string | undefined,
  changes: Record<string, string>,
  advanced: boolean,
): Promise<{ against: SubscriberProduct[]; items: OrderItem[]; newOwner: Subscriber }> {
  if (phone.type !== 'Phone') fail('productId', `Only a phone changes owner; ${phone.id} is a ${phone.type}`);
  // "If a phone is shared, you cannot change owners of the phone."
  if (phone.shared) throw invalid(`phone ${phone.id} is shared, and the owner of a shared phone cannot change`);
  if (!newOwnerLogin?.trim()) fail('newOwnerLogin', 'Say who the new owner is');
  const newOwner = await readSubscriber(deps, newOwnerLogin);
  // "You can change the ownership of a phone from one subscriber to another subscriber in the same Domain."
  if (newOwner.domain !== phone.domain)
    fail('newOwnerLogin', `${newOwner.login} is in ${newOwner.domain}; a phone changes owner within its domain ${phone.domain}`);
  if (newOwner.login === owner.login) fail('newOwnerLogin', `${owner.login} already owns phone ${phone.id}`);
  const involved = ownedWithPhone(phone, await deps.subscribers.listProducts(owner.login));
  // "If there are open orders against any of the associated products ... you cannot continue."
  assertNoOpenOrder(involved);
  const used = new Set<string>();
  const items = involved.map((p, i) => {
    const mine = Object.fromEntries(
      Object.entries(changes).filter(([k]) => ATTRIBUTE_KEYS[p.type].some((known) => known.toLowerCase() === k.toLowerCase())),
    );
    for (const k of Object.keys(mine)) used.add(k);
    const extra = p.type === 'Phone' ? Object.fromEntries(Object.entries(changes).filter(([k]) => !isKnownAnywhere(k))) : {};
    return itemFor(i + 1, p, checked(p.type, { ...renamed(p, owner), ...mine, ...extra }, newOwner, advanced));
  });
  const unused = Object.keys(changes).filter((k) => !used.has(k) && isKnownAnywhere(k));
  if (unused.length) fail('attributes', `${unused.join(', ')}: none of the products moving with phone ${phone.id} takes that`);
  return { against: involved, items, newOwner };
}

const isKnownAnywhere = (key: string) =>
  Object.values(ATTRIBUTE_KEYS).some((keys) => keys.some((k) => k.toLowerCase() === key.toLowerCase()));

/**
 * "Attributes that contain the user's login ID (first name and last name) are updated
 * with the new user's information": a line display showing the old owner's name and a
 * Personal Communicator's device name follow the new owner. Voicemail and email keep
 * theirs unless changed ("If you do not change the email ID ... the services on the
 * Unified Message Processor do not change").
 */
function renamed(p: SubscriberProduct, owner: Subscriber): Record<string, string> {
  const attrs = known(p);
  if (p.type !== 'Voicemail' && p.type !== 'Email' && attrs.displayName === `${owner.firstName} ${owner.lastName}`)
    delete attrs.displayName;
  if (p.type === 'Phone' && attrs.phoneType === 'Cisco Unified Personal Communicator') delete attrs.deviceName;
  return attrs;
}

function checked(type: ProductType, attributes: Record<string, string>, subscriber: Subscriber, advanced: boolean): Record<string, string> {
  const result = checkAttributes(type, attributes, { subscriber, advanced });
  if (result.problems.length) throw new CoreError('VALIDATION_FAILED', { fields: result.problems });
  return result.attributes;
}

const itemFor = (itemNumber: number, p: SubscriberProduct, attributes: Record<string, string>): OrderItem => ({
  itemNumber,
  type: p.type,
  attributes,
  productId: p.id,
  parentItemNumber: null,
  parentProductId: p.parentId,
});

function fail(field: FieldKey, message: string): never {
  throw new CoreError('VALIDATION_FAILED', { fields: [problem(field, message)] });
}
