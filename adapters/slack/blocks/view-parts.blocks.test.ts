import { describe, expect, it } from 'vitest';
import type { View, ViewSection } from '../../presenters/view';
import { blockTextLength, LIMITS, MESSAGE_TEXT_BUDGET } from './block-kit-limits';
import { FIRST_PART_SECTIONS, LINES_PER_PART, renderViewParts } from './view-parts.blocks';

const section = (i: number, heading = `WO-${1000 + i}: Jane Doe`): ViewSection => ({
  heading,
  fields: [{ label: 'Status', value: 'Waiting for Approval' }],
  actions: [{ id: 'activity.approve', label: 'Approve', value: `act-${i}@1`, style: 'primary' }],
});
const view = (sections: ViewSection[]): View => ({
  title: 'Digest',
  tone: 'info',
  paragraphs: ['Oldest first.'],
  sections,
  footnote: 'The end.',
});

describe('renderViewParts', () => {
  it('keeps a view that fits as one message, without "part"', () => {
    const [only, ...rest] = renderViewParts(view([section(1)]));
    expect(rest).toEqual([]);
    expect(only!.text).toBe('Digest: Oldest first.');
  });

  it('splits by count alone: the first part with buttons, then lines, the footnote last', () => {
    const parts = renderViewParts(view(Array.from({ length: FIRST_PART_SECTIONS + LINES_PER_PART + 1 }, (_, i) => section(i))));
    expect(parts.map((p) => p.text)).toEqual([
      'Digest (part 1 of 3): Oldest first.',
      expect.stringMatching(/^Digest \(part 2 of 3\)/),
      expect.stringMatching(/^Digest \(part 3 of 3\)/),
    ]);
    expect(JSON.stringify(parts[2]!.blocks)).toContain('WO-1052');
    expect(JSON.stringify(parts[2]!.blocks)).toContain('The end.');
    expect(JSON.stringify(parts[0]!.blocks)).not.toContain('The end.');
  });

  it('shows the first part as lines when its sections carry more text than Slack takes in one message', () => {
    const sections = Array.from({ length: FIRST_PART_SECTIONS }, (_, i) =>
      section(i, `WO-${1000 + i}: ${'a very long subscriber and product description '.repeat(40)}`),
    );
    const [first, ...rest] = renderViewParts(view(sections));
    expect(rest).toEqual([]);
    expect(blockTextLength(first!.blocks)).toBeLessThanOrEqual(MESSAGE_TEXT_BUDGET);
    expect(first!.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    for (let i = 0; i < FIRST_PART_SECTIONS; i += 1) expect(JSON.stringify(first!.blocks)).toContain(`WO-${1000 + i}`);
  });
});
