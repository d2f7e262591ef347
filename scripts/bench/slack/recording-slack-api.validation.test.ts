import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takePayloadProblems } from '../payload-problems';
import { RecordingSlackApi } from './recording-slack-api';

let api: RecordingSlackApi;
beforeAll(async () => {
  api = await RecordingSlackApi.start();
});
afterAll(() => api?.stop());

const post = (method: string, args: Record<string, unknown>) =>
  fetch(`${api.url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) });
const buttons = (...ids: string[]) => [
  { type: 'actions', elements: ids.map((action_id) => ({ type: 'button', action_id, text: { type: 'plain_text', text: 'Accept' } })) },
];

describe('the recording Slack API checks every payload', () => {
  it('answers invalid_blocks, as Slack does, and records why', async () => {
    const answer = await (
      await post('chat.postMessage', { channel: 'C1', text: 'x', blocks: buttons('activity.accept', 'activity.accept') })
    ).json();
    expect(answer).toEqual({ ok: false, error: 'invalid_blocks' });
    expect(takePayloadProblems()).toEqual([expect.stringMatching(/^chat\.postMessage: .*"activity\.accept" is used twice/)]);
  });

  it('takes buttons whose repeated ids carry a suffix, and records nothing', async () => {
    const answer = await (
      await post('chat.postMessage', { channel: 'C1', text: 'x', blocks: buttons('activity.accept', 'activity.accept:1') })
    ).json();
    expect(answer).toMatchObject({ ok: true });
    expect(takePayloadProblems()).toEqual([]);
  });

  it('refuses a modal whose title is too long, and a response_url reply with a bad block', async () => {
    const view = { type: 'modal', title: { type: 'plain_text', text: 'A title of more than 24 chars' }, blocks: [] };
    const opened = await (await post('views.open', { trigger_id: `${Date.now()}.1.t`, view })).json();
    expect(opened).toEqual({ ok: false, error: 'invalid_arguments' });
    const replied = await fetch(api.responseUrl(), { method: 'POST', body: JSON.stringify({ text: 'x', blocks: [{ type: 'header' }] }) });
    expect(replied.status).toBe(400);
    expect(takePayloadProblems()).toEqual([
      expect.stringContaining('views.open: view.title'),
      expect.stringContaining('response_url: blocks[0].text'),
    ]);
  });
});
