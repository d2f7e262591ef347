import type { OrderableName, ProductType } from '../../../core/index';
import { ATTRIBUTE_KEYS, ORDERABLE_NAMES, PRODUCT_TYPES, productsOf } from '../../../core/index';
import type { Pair, Word } from './command-words';
import { closestWords, orList } from '../../presenters/closest-words';
import { ArgumentProblem, collectPairs, compact, parseWord, splitWords, ZDay, ZLogin, ZProductId } from './command-words';
import { basicKey } from '../../presenters/order-attributes';

export type OrderAttributes = Partial<Record<ProductType, Record<string, string>>>;

export type OrderCommand =
  | { kind: 'order-form'; subscriberLogin?: string }
  | {
      kind: 'order';
      subscriberLogin: string;
      orderable: OrderableName;
      attributes: OrderAttributes;
      requestedDeliveryDate?: string;
      parentProductId?: string;
    };

const EXAMPLE = 'order jdoe Enhanced Phone Service phoneType=7945 lineType=Chosen Line directoryNumber=5001';
const MAX_VALUE = 200;

/**
 * `order` alone opens the form; `order <login>` opens it for that subscriber;
 * `order <login> <orderable name> [key=value ...]` places the order in one line.
 * Orderable names hold spaces ("Line on a Shared Phone"), so the longest catalog name
 * the words start with wins. The core validates the attributes; this only splits them.
 */
export function parseOrderArgs(rest: string): OrderCommand {
  const words = splitWords(rest);
  if (words.length === 0) return { kind: 'order-form' };
  const subscriberLogin = login(words[0]!.text);
  const firstPair = words.findIndex((w, i) => i > 0 && w.eq >= 0);
  const nameWords = words.slice(1, firstPair < 0 ? undefined : firstPair);
  if (nameWords.length === 0) {
    if (words.length === 1) return { kind: 'order-form', subscriberLogin };
    throw new ArgumentProblem(`Say what to order before its attributes, e.g. ${EXAMPLE}.`);
  }
  const orderable = matchOrderable(nameWords);
  const pairs = collectPairs(firstPair < 0 ? [] : words.slice(firstPair), 'phoneType=7945');
  return { kind: 'order', subscriberLogin, orderable, ...splitPairs(orderable, pairs) };
}

function login(word: string): string {
  // Slack turns "@jdoe" into <@U123ABC> before we see it.
  if (/^<@[A-Z0-9]+(\|[^>]*)?>$/i.test(word)) throw new ArgumentProblem(`Type the subscriber's login (e.g. jdoe), not a chat mention.`);
  return parseWord(ZLogin, word, 'subscriber login');
}

const ORDERABLES_BY_LENGTH = [...ORDERABLE_NAMES].sort((a, b) => b.split(' ').length - a.split(' ').length);

function matchOrderable(words: Word[]): OrderableName {
  const typed = words.flatMap((w) => w.text.split(/\s+/)).filter(Boolean);
  const lower = typed.map((t) => t.toLowerCase());
  const hit = ORDERABLES_BY_LENGTH.find((name) => {
    const parts = name.toLowerCase().split(' ');
    return parts.length <= lower.length && parts.every((p, i) => p === lower[i]);
  });
  const said = typed.join(' ').slice(0, 80);
  if (!hit) throw new ArgumentProblem(notOrderable(said));
  const extra = typed.slice(hit.split(' ').length);
  if (extra.length > 0) {
    throw new ArgumentProblem(
      `I read "${hit}" as what to order; "${extra.join(' ').slice(0, 60)}" after it is not key=value (e.g. ${EXAMPLE}).`,
    );
  }
  return hit;
}

/** The closest catalog names when there are some ("did you mean Phone?"), else the whole catalog. */
function notOrderable(said: string): string {
  const close = closestWords(said, ORDERABLE_NAMES);
  return close.length
    ? `"${said}" is not something I can order. Did you mean ${orList(close)}?`
    : `"${said}" is not something I can order; you can order ${ORDERABLE_NAMES.join(', ')}.`;
}

type OrderParts = Pick<Extract<OrderCommand, { kind: 'order' }>, 'attributes' | 'requestedDeliveryDate' | 'parentProductId'>;

/**
 * `delivery=` and `parent=` (or `parentProductId=`) are the order's; `Type.key=` goes to
 * that product of the bundle; a bare `key=` to every product of the bundle whose basic
 * attributes have it. A prefixed value wins over a bare one for its product.
 */

function splitPairs(orderable: OrderableName, pairs: Pair[]): OrderParts {
  const products = productsOf(orderable);
  const bare = new Map<string, Pair>();
  const prefixed = new Map<string, string>();
  const out: OrderParts = { attributes: {} };
  const set = (type: ProductType, key: string, value: string) => {
    out.attributes[type] = { ...out.attributes[type], [key]: value };
  };
  for (const { key, value } of pairs) {
    if (value === '') throw new ArgumentProblem(`"${key.slice(0, 60)}=" has no value; leave it out or give one.`);
    if (value.length > MAX_VALUE)
      throw new ArgumentProblem(`The value of ${key.slice(0, 60)} is too long (at most ${MAX_VALUE} characters).`);
    const lower = key.toLowerCase();
    if (lower === 'delivery')
      out.requestedDeliveryDate = once(out.requestedDeliveryDate, parseWord(ZDay, value, 'requested delivery date'), 'delivery');
    // The core's messages name the field parentProductId; either spelling works.
    else if (lower === 'parent' || lower === 'parentproductid')
      out.parentProductId = once(out.parentProductId, parseWord(ZProductId, value, 'parent product id'), 'parent');
    else if (key.includes('.')) addPrefixed(orderable, products, key, value, prefixed);
    else bare.set(lower, { key: attributeName(key), value: once(bare.get(lower)?.value, value, key) });
  }
  for (const { key, value } of bare.values())
    for (const type of bareTargets(orderable, products, key)) set(type, basicKey(type, key) ?? key, value);
  for (const [slot, value] of prefixed) {
    const [type, key] = slot.split('\u0000') as [ProductType, string];
    set(type, key, value);
  }
  return out;
}

function addPrefixed(orderable: OrderableName, products: readonly ProductType[], key: string, value: string, into: Map<string, string>) {
  const dot = key.indexOf('.');
  const prefix = key.slice(0, dot);
  const type = products.find((p) => compact(p) === compact(prefix));
  if (!type) {
    const known = PRODUCT_TYPES.find((p) => compact(p) === compact(prefix));
    throw new ArgumentProblem(
      known
        ? `${orderable} has no ${known}; its products are ${products.join(', ')}.`
        : `"${prefix.slice(0, 40)}" is not a product; prefix a key with one of ${products.map((p) => p.replace(/ /g, '')).join(', ')}.`,
    );
  }
  const name = attributeName(key.slice(dot + 1));
  const slot = `${type}\u0000${basicKey(type, name) ?? name}`;
  into.set(slot, once(into.get(slot), value, key));
}

function bareTargets(orderable: OrderableName, products: readonly ProductType[], key: string): readonly ProductType[] {
  const knowing = products.filter((p) => basicKey(p, key) !== null);
  if (knowing.length > 0) return knowing;
  // A single product takes any key; the core decides whether it is an advanced attribute this user may set.
  if (products.length === 1) return products;
  const example = `${products[0]!.replace(/ /g, '')}.${key}=...`;
  throw new ArgumentProblem(
    `No product of ${orderable} has a basic attribute "${key}" (${products.map((p) => `${p}: ${ATTRIBUTE_KEYS[p].join(', ') || 'none'}`).join('; ')}). For another attribute, say which product it is for, e.g. ${example}.`,
  );
}

/** As the core's provisioning attribute names: a letter, then letters, digits, spaces (quoted), _ - and, after a product prefix, dots. */
function attributeName(key: string): string {
  if (!/^[A-Za-z][A-Za-z0-9 _.-]{0,63}$/.test(key))
    throw new ArgumentProblem(`"${key.slice(0, 60)}" is not a valid attribute name: a letter, then letters, digits, spaces, _ . -.`);
  return key;
}

function once(previous: string | undefined, value: string, key: string): string {
  if (previous !== undefined) throw new ArgumentProblem(`"${key.slice(0, 60)}" is given twice.`);
  return value;
}
