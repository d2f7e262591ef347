/**
 * Metric labels for what a request was, from a bounded set: a label value per distinct
 * input would grow the metrics without end (and could carry what people typed).
 */
const COMMAND_WORDS = new Set([
  'help',
  'resend',
  'contact',
  'status',
  'history',
  'order',
  'change',
  'cancel',
  'activities',
  'search',
  'subscriber',
  'note',
  'rules',
  'retry',
  'abort',
  'notify',
  'ops',
]);

/** The command word of `/prov <words>` (or the same words typed in Teams): `status`, …; `other` for anything else. */
export function commandLabel(text: string): string {
  const word = text.trim().split(/\s+/, 1)[0]?.toLowerCase() ?? '';
  if (word === '') return 'help';
  return COMMAND_WORDS.has(word) ? word : 'other';
}

/**
 * A button, modal or event: our own dotted ids (`activity.approve`, `access.decline`),
 * without the suffix that keeps ids unique within a message (`activity.approve.2`).
 */
export function interactionLabel(kind: 'action' | 'view' | 'event', id: unknown): string {
  const m = typeof id === 'string' ? /^[a-z][a-z_]{0,30}(\.[a-z][a-z_]{0,30})?/i.exec(id) : null;
  return m ? `${kind}:${m[0].toLowerCase()}` : `${kind}:other`;
}
