import { isCoreError } from '../../core/index';
import { unexpectedMessage, userMessage } from './user-messages';
import type { View } from './view';

/** Expected failures get their words; anything else gets a ref the log also carries. */
export function presentError(err: unknown, ref: string): View {
  if (isCoreError(err)) return { title: "That didn't work", tone: 'error', paragraphs: [userMessage(err)] };
  return { title: 'Something went wrong', tone: 'error', paragraphs: [unexpectedMessage(ref)] };
}
