import type { types } from '@slack/bolt';
import type { Field, Tone, View, ViewAction, ViewSection } from '../../presenters/view';
import { uniqueActionIds } from './action-ids';
import { actionsBlockId } from './action-inputs';
import { clip, LIMITS, mrkdwn } from './block-kit-limits';

type Block = types.KnownBlock;

export interface SlackMessage {
  /** Shown in notifications and by clients that cannot render blocks. */
  text: string;
  blocks: Block[];
}

const TONE_EMOJI: Record<Tone, string> = { info: '', success: ':white_check_mark: ', warning: ':warning: ', error: ':x: ' };

/**
 * Renders a neutral view as Block Kit: header, paragraphs, fields, one section per
 * view section (with its note as context and its own buttons), footnote, buttons.
 * Stays inside Slack's limits (see block-kit-limits.ts); when a view has more
 * sections than 50 blocks hold, the last ones are dropped whole and a note says how many.
 */
export function renderView(view: View): SlackMessage {
  const head: Block[] = [header(view)];
  const tail: Block[] = [...(view.footnote ? [context(view.footnote)] : []), ...(view.actions?.length ? [actions(view.actions)] : [])];
  const groups: Block[][] = [
    ...paragraphSections(view.paragraphs).map((b) => [b]),
    ...fieldSections(null, view.fields ?? []).map((b) => [b]),
    ...(view.sections ?? []).map((s, i) => sectionGroup(s, i)),
  ];
  return { text: fallbackText(view), blocks: [...head, ...fitGroups(groups, LIMITS.blocks - head.length - tail.length), ...tail] };
}

/**
 * Notifications show `text`, not blocks: the title and the first paragraph say enough.
 * Slack reads `text` as mrkdwn too, so it is escaped as block text is: a name such as
 * `<!channel>` would otherwise ping a channel from the notification.
 */
export function fallbackText(view: View): string {
  return mrkdwn([view.title, view.paragraphs[0]].filter(Boolean).join(': '), LIMITS.sectionText);
}

function fitGroups(groups: Block[][], budget: number): Block[] {
  const total = groups.reduce((n, g) => n + g.length, 0);
  if (total <= budget) return groups.flat();
  const kept: Block[] = [];
  let shown = 0;
  // One block is kept back for the note that says what was left out.
  for (const g of groups) {
    if (kept.length + g.length > budget - 1) break;
    kept.push(...g);
    shown++;
  }
  const hidden = groups.length - shown;
  return [
    ...kept,
    context(`…and ${hidden} more part${hidden === 1 ? '' : 's'} not shown: a Slack message holds at most ${LIMITS.blocks} blocks.`),
  ];
}

function header(view: View): Block {
  return { type: 'header', text: { type: 'plain_text', text: clip(TONE_EMOJI[view.tone] + view.title, LIMITS.headerText), emoji: true } };
}

/** Paragraphs share sections, packed up to the section text limit; a longer one is clipped. */
function paragraphSections(paragraphs: string[]): Block[] {
  const texts: string[] = [];
  for (const p of paragraphs.filter((p) => p.trim() !== '')) {
    const piece = mrkdwn(p, LIMITS.sectionText);
    const last = texts.length - 1;
    if (last >= 0 && texts[last]!.length + 2 + piece.length <= LIMITS.sectionText) texts[last] += `\n\n${piece}`;
    else texts.push(piece);
  }
  return texts.map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

function field(f: Field) {
  const label = `*${mrkdwn(f.label, 100)}*\n`;
  // A value to copy goes in a code span, so Slack neither formats nor links it; a backtick would end the span.
  if (f.code)
    return { type: 'mrkdwn' as const, text: `${label}\`${mrkdwn(f.value.replaceAll('`', "'"), LIMITS.fieldText - label.length - 2)}\`` };
  return { type: 'mrkdwn' as const, text: label + mrkdwn(f.value, LIMITS.fieldText - label.length) };
}

/** Ten fields per section; the heading, if any, goes on the first. */
function fieldSections(heading: string | null, fields: Field[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.sectionFields) {
    const chunk = fields.slice(i, i + LIMITS.sectionFields).map(field);
    out.push(
      i === 0 && heading
        ? { type: 'section', text: { type: 'mrkdwn', text: headingText(heading) }, fields: chunk }
        : { type: 'section', fields: chunk },
    );
  }
  if (out.length === 0 && heading) out.push({ type: 'section', text: { type: 'mrkdwn', text: headingText(heading) } });
  return out;
}

const headingText = (heading: string) => `*${mrkdwn(heading, LIMITS.sectionText - 2)}*`;

/** A section, its note, and its own buttons: a group that is kept or dropped whole. */
function sectionGroup(section: ViewSection, index: number): Block[] {
  return [
    ...fieldSections(section.heading, section.fields),
    ...(section.note ? [context(section.note)] : []),
    ...(section.actions?.length ? [actions(section.actions, index)] : []),
  ];
}

function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwn(text, LIMITS.contextText) }] };
}

/**
 * Buttons. Slack's buttons are neutral unless styled: `default` sends no style.
 * https://docs.slack.dev/reference/block-kit/block-elements/button-element
 * Repeated ids get a suffix (action-ids.ts): Slack refuses duplicates in one block.
 */
function actions(list: ViewAction[], index?: number): Block {
  const ids = uniqueActionIds(list.map((a) => a.id));
  return {
    type: 'actions',
    block_id: actionsBlockId(list, index),
    elements: list.map((a, i) => ({
      type: 'button',
      action_id: ids[i]!,
      text: { type: 'plain_text', text: clip(a.label, LIMITS.buttonText) },
      value: a.value.slice(0, LIMITS.buttonValue),
      ...(a.style === 'default' ? {} : { style: a.style }),
    })),
  };
}
