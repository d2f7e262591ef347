import type { View, ViewSection } from '../../presenters/view';
import { blockTextLength, clip, LIMITS, MESSAGE_TEXT_BUDGET } from './block-kit-limits';
import type { SlackMessage } from './view.blocks';
import { renderView } from './view.blocks';

/** Sections the first message shows whole, with their buttons: two blocks each, 40 of the 50 blocks. */
export const FIRST_PART_SECTIONS = 20;
/** Sections each further message lists, one plain line each: at most 8,000 characters of lines. */
export const LINES_PER_PART = 32;
const LINE_MAX = 250;

/**
 * A view as one Slack message or several, so that a digest lists every item: the first
 * FIRST_PART_SECTIONS sections as blocks with their buttons, the rest as plain lines,
 * LINES_PER_PART a message, each message titled "part k of n". Which sections a part
 * holds depends only on their count, never on their text: a delivery posted again
 * (in doubt, or after a failure between parts) splits the same way, so the parts
 * already posted can be skipped by number (slack-notifier.ts). Each message stays
 * under 50 blocks and MESSAGE_TEXT_BUDGET; a first part whose sections carry too much
 * text shows them as lines instead.
 */
export function renderViewParts(view: View): SlackMessage[] {
  const sections = view.sections ?? [];
  const chunks: ViewSection[][] = [];
  for (let i = FIRST_PART_SECTIONS; i < sections.length; i += LINES_PER_PART) chunks.push(sections.slice(i, i + LINES_PER_PART));
  if (chunks.length === 0) return [firstPart(view)];
  const n = chunks.length + 1;
  const title = (k: number) => `${view.title} (part ${k} of ${n})`;
  const { footnote: _f, actions: _a, ...head } = view;
  const first = firstPart({ ...head, title: title(1), sections: sections.slice(0, FIRST_PART_SECTIONS) });
  const later = chunks.map((chunk, i) => {
    const last = i === chunks.length - 1;
    const part: View = { title: title(i + 2), tone: view.tone, paragraphs: asLines(chunk) };
    return renderView(
      last ? { ...part, ...(view.footnote ? { footnote: view.footnote } : {}), ...(view.actions ? { actions: view.actions } : {}) } : part,
    );
  });
  return [first, ...later];
}

function firstPart(view: View): SlackMessage {
  const whole = renderView(view);
  if (blockTextLength(whole.blocks) <= MESSAGE_TEXT_BUDGET) return whole;
  return renderView({ ...view, paragraphs: [...view.paragraphs, ...asLines(view.sections ?? [])], sections: [] });
}

/** One line a section, grouped so each group fills at most one section block. */
function asLines(sections: ViewSection[]): string[] {
  const groups: string[] = [];
  for (const s of sections) {
    const line = clip([s.heading, ...s.fields.map((f) => `${f.label}: ${f.value}`)].join(' · '), LINE_MAX);
    const last = groups.length - 1;
    // Escaping can grow a line (& becomes &amp;): leave room for it under the section limit.
    if (last >= 0 && (groups[last]!.length + 1 + line.length) * 1.25 <= LIMITS.sectionText) groups[last] += `\n${line}`;
    else groups.push(line);
  }
  return groups;
}
