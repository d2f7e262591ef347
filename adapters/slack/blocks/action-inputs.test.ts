import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { ViewAction } from '../../presenters/view';
import { inputOfClick } from './action-inputs';
import { renderView } from './view.blocks';

const actions: ViewAction[] = [
  { id: 'activity.complete', label: 'Step Complete', value: 'act-1@3', style: 'primary', input: 'mac-address' },
  { id: 'activity.decline', label: 'Decline', value: 'act-1@3', style: 'danger' },
  { id: 'activity.delegate', label: 'Delegate', value: 'act-1@3', style: 'default', input: 'delegate-to' },
];

const actionsBlock = (list: ViewAction[]) =>
  renderView({ title: 't', tone: 'info', paragraphs: [], actions: list }).blocks.at(-1) as types.ActionsBlock;

describe('buttons that need typed input', () => {
  it('renders every button with the shared action id and value, and a default button without a style', () => {
    expect(actionsBlock(actions).elements).toEqual([
      {
        type: 'button',
        action_id: 'activity.complete',
        text: { type: 'plain_text', text: 'Step Complete' },
        value: 'act-1@3',
        style: 'primary',
      },
      { type: 'button', action_id: 'activity.decline', text: { type: 'plain_text', text: 'Decline' }, value: 'act-1@3', style: 'danger' },
      { type: 'button', action_id: 'activity.delegate', text: { type: 'plain_text', text: 'Delegate' }, value: 'act-1@3' },
    ]);
  });

  it('tells from the clicked block which button asks for a MAC address or a delegate', () => {
    const blockId = actionsBlock(actions).block_id;
    expect(inputOfClick(blockId, 'activity.complete')).toBe('mac-address');
    expect(inputOfClick(blockId, 'activity.delegate')).toBe('delegate-to');
    expect(inputOfClick(blockId, 'activity.decline')).toBeNull();
  });

  it('finds no input on a Complete without one (Shipping, Receiving) or on a block_id it did not write', () => {
    const plain = actionsBlock([{ id: 'activity.complete', label: 'Step Complete', value: 'act-2@1', style: 'primary' }]).block_id;
    expect(inputOfClick(plain, 'activity.complete')).toBeNull();
    expect(inputOfClick('b1', 'activity.complete')).toBeNull();
    expect(inputOfClick(undefined, 'activity.complete')).toBeNull();
    expect(inputOfClick('actions;activity.complete=shell', 'activity.complete')).toBeNull();
  });
});
