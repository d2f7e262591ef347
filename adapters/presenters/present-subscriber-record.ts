import type { SubscriberProduct, SubscriberRecord } from '../../core/index';
import { attributeLabel, subscriberLabel } from './labels';
import type { Field, View, ViewSection } from './view';
import { formatInstant } from './view';

/**
 * "In the Products section, an information icon (i) appears next to the product to
 * indicate that the product has an order running against it. When the order has
 * finished processing, the information icon disappears." (Canceling Products)
 */
export const OPEN_ORDER_MARK = '(i)';

/** At most this many recent orders; `search login=<login>` finds the rest. */
export const RECENT_ORDERS = 10;

/** `subscriber <login>`: the subscriber record, products as a tree (a Line under its Phone), notes, recent orders. */
export function presentSubscriberRecord(record: SubscriberRecord, options: { prefix?: string } = {}): View {
  const { subscriber: s, products } = record;
  const prefix = options.prefix ?? '';
  const marked = products.some((p) => p.openOrderNumber !== null);
  return {
    title: subscriberLabel(s, s.login),
    tone: 'info',
    paragraphs: products.length === 0 ? ['No products yet.'] : [],
    fields: [
      { label: 'Domain', value: s.domain },
      { label: 'Email', value: s.email },
      ...(s.phoneNumber ? [{ label: 'Phone', value: s.phoneNumber }] : []),
      ...(s.department ? [{ label: 'Department', value: s.department }] : []),
    ],
    sections: [...inTreeOrder(products).map(productSection), ...ordersSection(record)],
    footnote:
      [
        marked
          ? `${OPEN_ORDER_MARK}: the product has an order running against it; the mark goes away when the order has been processed.`
          : null,
        products.length > 0
          ? `"${prefix}cancel <product id>" cancels a product and those that depend on it; "${prefix}note <product id> <text>" adds a note.`
          : null,
      ]
        .filter(Boolean)
        .join(' ') || undefined,
  };
}

const utcDate = (d: Date): string => d.toISOString().slice(0, 10);

function productSection({ product, depth }: { product: SubscriberProduct; depth: number }): ViewSection {
  const mark = product.openOrderNumber ? `${OPEN_ORDER_MARK} ` : '';
  const under = depth > 0 ? `${'  '.repeat(depth)}└ ` : '';
  const fields: Field[] = [
    { label: 'Product id', value: product.id },
    ...Object.entries(product.attributes).map(([key, value]) => ({ label: attributeLabel(key), value })),
    ...(product.openOrderNumber ? [{ label: 'Order running', value: product.openOrderNumber }] : []),
  ];
  const notes = product.notes.map((n) => `Note by ${n.author}, ${formatInstant(n.at)}: ${n.text}`);
  return {
    heading: `${under}${mark}${product.type}${product.shared ? ' (shared)' : ''}`,
    fields,
    note: notes.length > 0 ? notes.join('\n') : undefined,
  };
}

/** Each product followed by those that hang on it, depth first; orphans (a parent not shown) at the top level. */
function inTreeOrder(products: SubscriberProduct[]): { product: SubscriberProduct; depth: number }[] {
  const ids = new Set(products.map((p) => p.id));
  const out: { product: SubscriberProduct; depth: number }[] = [];
  const seen = new Set<string>();
  const visit = (p: SubscriberProduct, depth: number) => {
    if (seen.has(p.id)) return;
    seen.add(p.id);
    out.push({ product: p, depth });
    for (const child of products.filter((c) => c.parentId === p.id)) visit(child, depth + 1);
  };
  for (const p of products) if (p.parentId === null || !ids.has(p.parentId)) visit(p, 0);
  // A cycle of parent links has no root; show its members rather than lose them.
  for (const p of products) visit(p, 0);
  return out;
}

function ordersSection({ orders, subscriber }: SubscriberRecord): ViewSection[] {
  if (orders.length === 0) return [];
  const recent = [...orders].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, RECENT_ORDERS);
  return [
    {
      heading: orders.length > RECENT_ORDERS ? `Recent orders (newest ${RECENT_ORDERS} of ${orders.length})` : 'Orders',
      fields: recent.map((o) => ({
        label: o.number,
        value: `${o.kind} · ${o.extendedStatus ? `${o.state} · ${o.extendedStatus}` : o.state} · ${utcDate(o.createdAt)}`,
      })),
      note: orders.length > RECENT_ORDERS ? `"search login=${subscriber.login}" lists them all.` : undefined,
    },
  ];
}
