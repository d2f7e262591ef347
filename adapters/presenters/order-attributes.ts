import type { ProductType } from '../../core/index';
import { ATTRIBUTE_KEYS } from '../../core/index';

/** "Auto-assigned—System automatically assigns a directory number. Chosen Line—You specify a directory number." (Table 10-3) */
export const LINE_TYPES = ['Auto-assigned', 'Chosen Line'] as const;

/**
 * The catalog's spelling of a basic attribute of `type` (the seed's "Basic <Product
 * Type> Information"), matched in any case; null when `type` has no such key (it may
 * still be an advanced attribute, which the core allows to some users).
 */
export function basicKey(type: ProductType, key: string): string | null {
  return ATTRIBUTE_KEYS[type].find((k) => k.toLowerCase() === key.toLowerCase()) ?? null;
}
