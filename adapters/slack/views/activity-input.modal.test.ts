import { describe, expect, it } from 'vitest';
import { activityInputModal, parseActivityInputSubmission } from './activity-input.modal';
import type { ActivityInputMetadata } from './activity-input.modal';

const MAC: ActivityInputMetadata = {
  actionId: 'activity.complete',
  input: 'mac-address',
  value: 'act-1@4',
  responseUrl: 'https://hooks.slack.com/actions/T1/1/abc',
};

/** What Slack sends back in view_submission: the view with what was typed under state.values. */
function submitted(view: ReturnType<typeof activityInputModal>, typed: string | null) {
  const input = view.blocks.find((b) => b.type === 'input') as { block_id: string; element: { action_id: string } };
  return {
    ...view,
    id: 'V1',
    state: { values: { [input.block_id]: { [input.element.action_id]: { type: 'plain_text_input', value: typed } } } },
  };
}

describe('the activity input modal', () => {
  it('asks for the MAC address with the seed’s hint, under the message it came from', () => {
    const view = activityInputModal(MAC, 'Assignment needed: WO-000001');
    expect(view).toMatchObject({
      type: 'modal',
      callback_id: 'activity.input',
      submit: { text: 'Step Complete' },
      close: { text: 'Cancel' },
    });
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(JSON.stringify(view.blocks)).toContain('Assignment needed: WO-000001');
    expect(JSON.stringify(view.blocks)).toContain('MAC address');
    expect(JSON.stringify(view.blocks)).toContain('12 hexadecimal characters, on a sticker on the phone set');
  });

  it('shows the clicked message’s escaped text as it reads, since plain_text shows entities as typed', () => {
    const view = activityInputModal(MAC, 'Assignment needed: WO-000001 for Eve &lt;!channel&gt; &amp; co');
    expect(JSON.stringify(view.blocks)).toContain('Assignment needed: WO-000001 for Eve <!channel> & co');
  });

  it('carries the button and the response_url through the submission and returns the text typed, trimmed', () => {
    const parsed = parseActivityInputSubmission(submitted(activityInputModal(MAC), ' 00aabbccddee '));
    expect(parsed).toEqual({ meta: MAC, text: '00aabbccddee' });
    const delegate = { ...MAC, actionId: 'activity.delegate', input: 'delegate-to' } as const;
    expect(parseActivityInputSubmission(submitted(activityInputModal(delegate), null))).toEqual({ meta: delegate, text: '' });
  });

  it('refuses a submission whose metadata it did not write', () => {
    const view = submitted(activityInputModal(MAC), 'x');
    expect(() => parseActivityInputSubmission({ ...view, private_metadata: '{"actionId":"activity.approve"}' })).toThrow();
    expect(() => parseActivityInputSubmission({ ...view, private_metadata: 'not json' })).toThrow();
  });
});
