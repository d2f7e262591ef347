import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityActed, ActOnActivityInput } from '../../../core/index';
import { CoreError } from '../../../core/index';
import { RecordingSlackApi } from '../../../scripts/bench/slack/recording-slack-api';
import { anActivity, aWorkOrder } from '../../../test/fixtures/workflow-values';
import { activityInputModal } from './activity-input.modal';
import type { ActivityInputMetadata } from './activity-input.modal';
import { registerActivityInputView } from './activity-input.view';
import { fakeApp, fakeDeps } from './view-listener.fixtures';

let slack: RecordingSlackApi;
beforeAll(async () => {
  slack = await RecordingSlackApi.start();
});
afterAll(() => slack?.stop());

const ACTED: ActivityActed = { activity: anActivity({ status: 'Done' }), order: aWorkOrder(), opened: [] };

function setup(act: (input: ActOnActivityInput) => Promise<ActivityActed>) {
  const calls: ActOnActivityInput[] = [];
  const kit = fakeDeps({
    actOnActivity: (input: ActOnActivityInput) => {
      calls.push(input);
      return act(input);
    },
  });
  const { app, submit } = fakeApp();
  registerActivityInputView(app, kit.deps);
  const responseUrl = slack.responseUrl();
  const send = (input: ActivityInputMetadata['input'], typed: string) => {
    const meta: ActivityInputMetadata = {
      actionId: input === 'mac-address' ? 'activity.complete' : 'activity.delegate',
      input,
      value: 'act-7@5',
      responseUrl,
    };
    const view = {
      ...activityInputModal(meta),
      id: 'V1',
      state: { values: { [input]: { text: { type: 'plain_text_input', value: typed } } } },
    };
    return submit('activity.input', { type: 'view_submission', user: { id: 'UAL', name: 'al' }, view });
  };
  return { ...kit, calls, send, replies: () => slack.responsesTo(responseUrl).map((r) => JSON.stringify(r.body)) };
}

describe('the activity input modal submission', () => {
  it('completes the activity with the MAC address typed, for the order version on the button, and closes the modal', async () => {
    const t = setup(async () => ACTED);
    expect(await t.send('mac-address', ' 00aabbccddee ')).toEqual([null]);
    expect(t.calls).toEqual([
      {
        actor: expect.objectContaining({ name: 'Al' }),
        activityId: 'act-7',
        expectedOrderVersion: 5,
        action: { kind: 'complete', macAddress: '00aabbccddee' },
      },
    ]);
    await t.deps.afterAck.drain();
    expect(t.replies()).toEqual([]);
  });

  it('keeps the modal open with the core’s words under the input for a bad MAC address', async () => {
    const t = setup(async () => {
      throw new CoreError('VALIDATION_FAILED', {
        fields: [{ field: 'macAddress', message: 'Must be 12 hexadecimal digits; this has 4.' }],
      });
    });
    expect(await t.send('mac-address', '00AA')).toEqual([
      { response_action: 'errors', errors: { 'mac-address': 'Must be 12 hexadecimal digits; this has 4.' } },
    ]);
  });

  it('delegates to a group or a person as typed, and says under the input what it takes when it is neither', async () => {
    const t = setup(async () => ACTED);
    await t.send('delegate-to', 'shipping');
    await t.send('delegate-to', 'Sam@Acme.example');
    expect(t.calls.map((c) => c.action)).toEqual([
      { kind: 'delegate', to: { kind: 'group', role: 'Shipping' } },
      { kind: 'delegate', to: { kind: 'user', email: 'sam@acme.example' } },
    ]);
    expect(await t.send('delegate-to', 'the night shift')).toEqual([
      { response_action: 'errors', errors: { 'delegate-to': expect.stringContaining('is neither an email address nor a group') } },
    ]);
    expect(t.calls).toHaveLength(2);
  });

  it('closes the modal on any other refusal and tells the clicker alone through the click’s response_url', async () => {
    const t = setup(async () => {
      throw new CoreError('NOT_AUTHORIZED', {
        action: 'complete this Assignment of order WO-000123',
        reason: 'it needs the Assignment role in acme.example',
      });
    });
    expect(await t.send('mac-address', '00AABBCCDDEE')).toEqual([null]);
    await t.deps.afterAck.drain();
    expect(t.replies()).toEqual([
      expect.stringContaining("You can't complete this Assignment of order WO-000123: it needs the Assignment role in acme.example."),
    ]);
    expect(t.replies()[0]).toContain('"response_type":"ephemeral"');
  });
});
