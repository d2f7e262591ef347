import { describe, expect, it } from 'vitest';
import { blockKitProblems, viewProblems } from './block-kit-validator';

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const button = (action_id: string, label = 'Go') => ({ type: 'button', action_id, text: plain(label), value: 'v' });
const select = (n: number, text = 'Option') => ({
  type: 'static_select',
  action_id: 'value',
  options: Array.from({ length: n }, (_, i) => ({ text: plain(text), value: `v${i}` })),
});
const input = (element: unknown) => ({ type: 'input', block_id: 'b', label: plain('Label'), element });
const modal = (o: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: plain('New order'),
  submit: plain('Place order'),
  blocks: [],
  ...o,
});

describe('Block Kit validator', () => {
  it('takes a message within every limit', () => {
    const blocks = [
      { type: 'header', text: plain('h'.repeat(150)) },
      { type: 'section', text: mrkdwn('s'.repeat(3000)), fields: Array.from({ length: 10 }, () => mrkdwn('f')) },
      { type: 'context', elements: [mrkdwn('c')] },
      { type: 'actions', block_id: 'a1', elements: [button('activity.accept'), button('activity.accept:1', 'b'.repeat(75))] },
    ];
    expect(blockKitProblems(blocks, 'message')).toEqual([]);
  });

  it('refuses two buttons with one action_id in a block (the activities list before the fix)', () => {
    const blocks = [{ type: 'actions', elements: [button('activity.accept'), button('activity.accept')] }];
    expect(blockKitProblems(blocks, 'message')).toEqual([expect.stringContaining('"activity.accept" is used twice in one block')]);
  });

  it.each([
    ['51 blocks in a message', Array.from({ length: 51 }, () => ({ type: 'divider' })), 'at most 50'],
    ['a header of 151 characters', [{ type: 'header', text: plain('h'.repeat(151)) }], 'at most 150'],
    ['a section text of 3,001 characters', [{ type: 'section', text: mrkdwn('s'.repeat(3001)) }], 'at most 3000'],
    ['11 fields', [{ type: 'section', fields: Array.from({ length: 11 }, () => mrkdwn('f')) }], '1 to 10 fields'],
    ['a button label of 76 characters', [{ type: 'actions', elements: [button('x', 'b'.repeat(76))] }], 'at most 75'],
    ['a markdown button label', [{ type: 'actions', elements: [{ ...button('x'), text: mrkdwn('Go') }] }], 'must be plain_text'],
    ['an empty section text', [{ type: 'section', text: mrkdwn('') }], 'must not be empty'],
    [
      'one block_id twice',
      [
        { type: 'divider', block_id: 'd' },
        { type: 'divider', block_id: 'd' },
      ],
      'used twice',
    ],
    ['an unknown block', [{ type: 'table' }], 'not a block type'],
  ])('refuses %s', (_name, blocks, problem) => {
    expect(blockKitProblems(blocks, 'message').join('\n')).toContain(problem);
  });

  it('allows 100 blocks in a modal or Home tab, not 101', () => {
    const blocks = (n: number) => Array.from({ length: n }, () => ({ type: 'divider' }));
    expect(viewProblems({ type: 'home', blocks: blocks(100) })).toEqual([]);
    expect(viewProblems({ type: 'home', blocks: blocks(101) }).join()).toContain('at most 100');
  });

  it.each([
    ['a title of 25 characters', modal({ title: plain('t'.repeat(25)) }), 'view.title.text: 25 characters; at most 24'],
    ['a submit label of 25 characters', modal({ submit: plain('s'.repeat(25)) }), 'view.submit.text'],
    ['a close label of 25 characters', modal({ close: plain('c'.repeat(25)) }), 'view.close.text'],
    ['private_metadata of 3,001 characters', modal({ private_metadata: 'm'.repeat(3001) }), 'view.private_metadata'],
    [
      'inputs without a submit button',
      modal({ submit: undefined, blocks: [input({ type: 'plain_text_input', action_id: 'v' })] }),
      'needs a submit',
    ],
    ['101 options', modal({ blocks: [input(select(101))] }), '1 to 100 options'],
    ['an option text of 76 characters', modal({ blocks: [input(select(2, 'o'.repeat(76)))] }), 'at most 75'],
    [
      'an option value of 151 characters',
      modal({ blocks: [input({ ...select(1), options: [{ text: plain('o'), value: 'v'.repeat(151) }] })] }),
      '1 to 150',
    ],
    [
      'an initial option not among the options',
      modal({ blocks: [input({ ...select(2), initial_option: { text: plain('x'), value: 'x' } })] }),
      'one of the options',
    ],
    [
      'a date picker with a date not in YYYY-MM-DD',
      modal({ blocks: [input({ type: 'datepicker', action_id: 'v', initial_date: '1/2/2030' })] }),
      'YYYY-MM-DD',
    ],
    [
      'a placeholder of 151 characters',
      modal({ blocks: [input({ type: 'plain_text_input', action_id: 'v', placeholder: plain('p'.repeat(151)) })] }),
      'at most 150',
    ],
  ])('refuses a modal with %s', (_name, view, problem) => {
    expect(viewProblems(view).join('\n')).toContain(problem);
  });

  it('takes a modal with a date picker, a select with its initial option and a text input', () => {
    const view = modal({
      close: plain('Cancel'),
      private_metadata: 'm'.repeat(3000),
      blocks: [
        input({ type: 'datepicker', action_id: 'v', initial_date: '2030-01-31' }),
        { ...input({ ...select(100), initial_option: { text: plain('Option'), value: 'v3' } }), block_id: 'c' },
        {
          ...input({ type: 'plain_text_input', action_id: 'v', max_length: 10, initial_value: 'jdoe' }),
          block_id: 'd',
          hint: plain('Who'),
        },
      ],
    });
    expect(viewProblems(view)).toEqual([]);
  });
});
