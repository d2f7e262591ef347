import type { ProductNote } from '../../core/index';
import type { View } from './view';
import { formatInstant } from './view';

/** `note <productId> <text>`: the note as it is now kept on the product. */
export function presentNoteAdded(note: ProductNote, productId: string, options: { prefix?: string } = {}): View {
  return {
    title: `Note added to product ${productId}`,
    tone: 'success',
    paragraphs: [note.text],
    fields: [
      { label: 'By', value: note.author },
      { label: 'At', value: formatInstant(note.at) },
    ],
    footnote: `"${options.prefix ?? ''}subscriber <login>" shows the product with all its notes.`,
  };
}
