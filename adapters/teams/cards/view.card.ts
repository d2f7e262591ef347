import type { Field, Tone, View, ViewAction, ViewSection } from '../../presenters/view';
import { viewToText } from '../../presenters/view';
import type { AdaptiveCard, CardElement, ExecuteAction, FactSet, TextBlock, TextColor } from './adaptive-card';
import { ADAPTIVE_CARD_CONTENT_TYPE, ADAPTIVE_CARD_SCHEMA } from './adaptive-card';
import { cardText, MAX_CARD_CHARS } from './card-text';

const TONE_COLOR: Record<Tone, TextColor> = { info: 'Accent', success: 'Good', warning: 'Warning', error: 'Attention' };

/**
 * Renders a neutral view as an Adaptive Card: a heading in the tone's colour,
 * paragraphs, a fact set, one container per section, footnote, and the view's
 * buttons as Action.Execute with the shared dotted ids as verbs. When the sections
 * do not fit the size budget the last ones are dropped whole and a note says so.
 */
export function renderViewCard(view: View): AdaptiveCard {
  const head: CardElement[] = [heading(view), ...view.paragraphs.filter((p) => p.trim() !== '').map((p) => text(p))];
  if (view.fields?.length) head.push(facts(view.fields));
  const tail: CardElement[] = view.footnote ? [text(view.footnote, { isSubtle: true, size: 'Small' })] : [];
  const card = (sections: CardElement[]): AdaptiveCard => ({
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    body: [...head, ...sections, ...tail],
    ...(view.actions?.length ? { actions: view.actions.map(action) } : {}),
    fallbackText: viewToText(view).slice(0, 1000),
    msteams: { width: 'Full' },
  });
  const sections = (view.sections ?? []).map(section);
  const rest = size(card(withNote(sections, 0, sections.length)));
  return card(withNote(sections, fitting(sections, rest)));
}

/** How many sections fit after the rest of the card (measured with the longest note it could get). */
function fitting(sections: CardElement[], rest: number): number {
  let used = rest;
  for (const [i, s] of sections.entries()) {
    used += JSON.stringify(s).length + 1;
    if (used > MAX_CARD_CHARS) return i;
  }
  return sections.length;
}

/** The message attachment Teams expects for a card. */
export function cardAttachment(card: AdaptiveCard) {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

/** A message activity carrying the view; `summary` is what notifications and the chat list show. */
export function viewMessage(view: View) {
  return { type: 'message' as const, summary: view.title, attachments: [cardAttachment(renderViewCard(view))] };
}

const size = (card: AdaptiveCard) => JSON.stringify(card).length;

function withNote(sections: CardElement[], shown: number, hidden = sections.length - shown): CardElement[] {
  if (hidden === 0) return sections;
  const note = `…and ${hidden} more not shown: a Teams message has a size limit.`;
  return [...sections.slice(0, shown), text(note, { isSubtle: true })];
}

function heading(view: View): TextBlock {
  return { type: 'TextBlock', text: cardText(view.title), wrap: true, style: 'heading', weight: 'Bolder', size: 'Medium', color: TONE_COLOR[view.tone] };
}

function text(s: string, extra: Partial<TextBlock> = {}): TextBlock {
  return { type: 'TextBlock', text: cardText(s), wrap: true, ...extra };
}

function facts(fields: Field[]): FactSet {
  return { type: 'FactSet', facts: fields.map((f) => ({ title: cardText(f.label), value: cardText(f.value) })) };
}

function section(s: ViewSection): CardElement {
  const items: CardElement[] = [text(s.heading, { weight: 'Bolder' })];
  if (s.fields.length) items.push(facts(s.fields));
  if (s.note) items.push(text(s.note, { isSubtle: true, spacing: 'Small' }));
  return { type: 'Container', items, separator: true, spacing: 'Medium' };
}

function action(a: ViewAction): ExecuteAction {
  return { type: 'Action.Execute', title: a.label, verb: a.id, data: { requestId: a.value }, style: a.style === 'primary' ? 'positive' : 'destructive' };
}
