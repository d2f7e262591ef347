import type { CoreDeps } from '../core-deps';
import { CoreError } from '../errors';
import { zodFields } from '../validation-problems';
import { ZFreeText } from '../text.schemas';
import { assertHolds, ORDERING } from '../orders/permissions/authorize-work';
import { readProduct } from '../orders/use-case-parts/read-workflow';
import type { AddProductNoteInput } from '../orders/use-case-types';
import type { ProductNote } from './subscriber';

const MAX_NOTE = 2000;
/** Notes a product keeps: a record read whole on every view stays a readable size. */
export const MAX_NOTES_PER_PRODUCT = 200;

/** "Adding Notes to an Ordered Product": "In the Add New Note field, enter the desired information ... Click Append Note." */
export async function addProductNote(deps: CoreDeps, input: AddProductNoteInput): Promise<ProductNote> {
  const product = await readProduct(deps, input.productId);
  assertHolds(input.actor, ORDERING, product.domain, `add a note to ${product.type} ${product.id}`);
  const parsed = ZFreeText(MAX_NOTE).safeParse(input.text);
  if (!parsed.success) throw new CoreError('VALIDATION_FAILED', zodFields(parsed.error, { '': 'note' }));
  const text = parsed.data;
  if (product.notes.length >= MAX_NOTES_PER_PRODUCT) {
    throw new CoreError('INVALID_STATE', {
      reason: `${product.type} ${product.id} already has ${product.notes.length} notes, the most a product keeps`,
    });
  }
  const note: ProductNote = { text, author: input.actor.name, at: deps.clock.now() };
  await deps.subscribers.addNote(product.id, note);
  return note;
}
