import type { Field, Tone, View, ViewAction, ViewSection } from '../../presenters/view';
import { viewToText } from '../../presenters/view';
import type { AdaptiveCard, CardAction, CardElement, CardRefresh, FactSet, TextBlock, TextColor } from './adaptive-card';
import { ADAPTIVE_CARD_CONTENT_TYPE, ADAPTIVE_CARD_SCHEMA } from './adaptive-card';
import type { InputProblem } from './action-inputs';
import { executeAction, openInput, showCardAction } from './action-inputs';
import { cardText, MAX_CARD_CHARS } from './card-text';

const TONE_COLOR: Record<Tone, TextColor> = { info: 'Accent', success: 'Good', warning: 'Warning', error: 'Attention' };

export interface CardOptions {
  /** Makes the card a user-specific view (activity cards). */
  refresh?: CardRefresh;
  /** Said above the view, in the error colour: why a click changed nothing. */
  notice?: string;
  /** A typed value the bot refused: its input is shown open, with the value and the reason. */
  inputProblem?: InputProblem;
}

/**
 * Renders a neutral view as an Adaptive Card: a heading in the tone's colour,
 * paragraphs, a fact set, one container per section (with its own buttons), footnote,
 * and the view's buttons as Action.Execute with the shared dotted ids as verbs (a
 * button that needs a typed value unfolds it first: action-inputs.ts). When the
 * sections do not fit the size budget the last ones are dropped whole and a note says so.
 */
export function renderViewCard(view: View, o: CardOptions = {}): AdaptiveCard {
  const opened = openedAction(view, o.inputProblem);
  const head = headOf(view, o.notice);
  const tail: CardElement[] = [
    ...(opened && o.inputProblem ? [openInput(opened, o.inputProblem)] : []),
    ...(view.footnote ? [text(view.footnote, { isSubtle: true, size: 'Small' })] : []),
  ];
  const actions = (view.actions ?? []).map((a) => cardAction(a, opened?.id));
  const card = (sections: CardElement[]): AdaptiveCard => ({
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    ...(o.refresh ? { refresh: o.refresh } : {}),
    body: [...head, ...sections, ...tail],
    ...(actions.length ? { actions } : {}),
    fallbackText: [o.notice, viewToText(view)].filter(Boolean).join('\n').slice(0, 1000),
    msteams: { width: 'Full' },
  });
  const sections = (view.sections ?? []).map(section);
  const rest = size(card(withNote(sections, 0, sections.length)));
  return card(withNote(sections, fitting(sections, rest)));
}

function headOf(view: View, notice: string | undefined): CardElement[] {
  const head: CardElement[] = [...(notice ? [text(notice, { color: 'Attention', weight: 'Bolder' })] : []), heading(view)];
  head.push(...view.paragraphs.filter((p) => p.trim() !== '').map((p) => text(p)));
  const fields = view.fields ?? [];
  if (fields.some((f) => !f.code)) head.push(facts(fields.filter((f) => !f.code)));
  // A FactSet has no monospace: a value to copy gets its own line, under its label.
  for (const f of fields.filter((f) => f.code))
    head.push(text(f.label, { weight: 'Bolder', spacing: 'Small' }), text(f.value, { fontType: 'Monospace', spacing: 'None' }));
  return head;
}

/** The button whose refused value is shown open in the body, if the view still has it. */
function openedAction(
  view: View,
  problem: InputProblem | undefined,
): (ViewAction & { input: NonNullable<ViewAction['input']> }) | undefined {
  const a = problem && view.actions?.find((x) => x.id === problem.actionId && x.input);
  return a?.input ? { ...a, input: a.input } : undefined;
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
export function viewMessage(view: View, o: CardOptions = {}) {
  return cardMessage(renderViewCard(view, o), view.title);
}

export function cardMessage(card: AdaptiveCard, summary: string) {
  return { type: 'message' as const, summary, attachments: [cardAttachment(card)] };
}

const size = (card: AdaptiveCard) => JSON.stringify(card).length;

function withNote(sections: CardElement[], shown: number, hidden = sections.length - shown): CardElement[] {
  if (hidden === 0) return sections;
  const note = `…and ${hidden} more not shown: a Teams message has a size limit.`;
  return [...sections.slice(0, shown), text(note, { isSubtle: true })];
}

function heading(view: View): TextBlock {
  return {
    type: 'TextBlock',
    text: cardText(view.title),
    wrap: true,
    style: 'heading',
    weight: 'Bolder',
    size: 'Medium',
    color: TONE_COLOR[view.tone],
  };
}

function text(s: string, extra: Partial<TextBlock> = {}): TextBlock {
  return { type: 'TextBlock', text: cardText(s), wrap: true, ...extra };
}

function facts(fields: Field[]): FactSet {
  return { type: 'FactSet', facts: fields.map((f) => ({ title: cardText(f.label), value: cardText(f.value) })) };
}

/** A button that needs a typed value unfolds it first, unless that input is already shown open in the body. */
function cardAction(a: ViewAction, openedId?: ViewAction['id']): CardAction {
  return a.input && a.id !== openedId ? showCardAction({ ...a, input: a.input }) : executeAction(a);
}

function section(s: ViewSection): CardElement {
  const items: CardElement[] = [text(s.heading, { weight: 'Bolder' })];
  if (s.fields.length) items.push(facts(s.fields));
  if (s.note) items.push(text(s.note, { isSubtle: true, spacing: 'Small' }));
  // No unfolding inputs here: input ids must be unique in a card, and each item would
  // repeat them. A button that needs a value sends the click as it is; the activity's
  // own card comes back in its place and asks for the value (activity.action.ts).
  if (s.actions?.length) items.push({ type: 'ActionSet', actions: s.actions.map(executeAction), spacing: 'Small' });
  return { type: 'Container', items, separator: true, spacing: 'Medium' };
}
