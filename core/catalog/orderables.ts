import type { OrderableName, ProductType } from './catalog';
import { BUNDLES, PRODUCT_TYPES } from './catalog';

const ORDERABLES: readonly OrderableName[] = [...(Object.keys(BUNDLES) as OrderableName[]), ...PRODUCT_TYPES];

/** An orderable as a person types it ("enhanced phone service"), or null when the catalog has none by that name. */
export function findOrderable(name: string): OrderableName | null {
  const wanted = name.trim().replace(/\s+/g, ' ').toLowerCase();
  return ORDERABLES.find((o) => o.toLowerCase() === wanted) ?? null;
}

export function findProductType(name: string): ProductType | null {
  const wanted = name.trim().replace(/\s+/g, ' ').toLowerCase();
  return PRODUCT_TYPES.find((t) => t.toLowerCase() === wanted) ?? null;
}

/** The products an orderable provisions, in provisioning order (a bundle's, or the product itself). */
export function productsOf(orderable: OrderableName): readonly ProductType[] {
  return orderable in BUNDLES ? BUNDLES[orderable as keyof typeof BUNDLES] : [orderable as ProductType];
}

export const ORDERABLE_NAMES = ORDERABLES;
