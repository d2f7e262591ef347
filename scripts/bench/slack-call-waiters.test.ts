import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordingSlackApi } from './slack/recording-slack-api';
import { SlackCallWaiters } from './slack-call-waiters';

let api: RecordingSlackApi | null = null;
afterEach(async () => {
  await api?.stop();
  api = null;
});

/** A Web API call as the bot's client makes it: form-encoded, blocks as a JSON string. */
async function call(method: string, args: Record<string, string>): Promise<Record<string, unknown>> {
  const res = await fetch(`${api!.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(args).toString(),
  });
  return (await res.json()) as Record<string, unknown>;
}

describe('waiters on the recording Slack API (the bench times chat.update by them)', () => {
  it('resolves a waiter for one message with its chat.update, not with an update of another message', async () => {
    api = await RecordingSlackApi.start();
    const waiters = new SlackCallWaiters(api);
    const first = await call('chat.postMessage', { channel: 'UANN', text: 'first' });
    const second = await call('chat.postMessage', { channel: 'UANN', text: 'second' });
    const message = { channel: String(second.channel), ts: String(second.ts) };
    const waited = waiters.arrival('chat.update', message);
    let settled = false;
    void waited.then(() => (settled = true));

    await call('chat.update', { channel: String(first.channel), ts: String(first.ts), text: 'first, approved' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);

    const before = performance.now();
    await call('chat.update', { ...message, text: 'second, approved' });
    const arrival = await waited;
    expect(arrival.call.args).toMatchObject({ ...message, text: 'second, approved' });
    expect(arrival.at).toBeGreaterThanOrEqual(before);
    expect(arrival.at).toBeLessThanOrEqual(performance.now());
  });

  it('answers at once for an update recorded before anyone waited, with the first one', async () => {
    api = await RecordingSlackApi.start();
    const waiters = new SlackCallWaiters(api);
    const posted = await call('chat.postMessage', { channel: 'UANN', text: 'card' });
    const message = { channel: String(posted.channel), ts: String(posted.ts) };
    await call('chat.update', { ...message, text: 'update 1' });
    await call('chat.update', { ...message, text: 'update 2' });
    expect((await waiters.arrival('chat.update', message)).call.args.text).toBe('update 1');
  });

  it('counts calls per method, and rejects a count that does not come in time', async () => {
    api = await RecordingSlackApi.start();
    const waiters = new SlackCallWaiters(api);
    const two = waiters.count('chat.postMessage', 2, 5000);
    await call('chat.postMessage', { channel: 'UANN', text: 'one' });
    await call('auth.test', {});
    await call('chat.postMessage', { channel: 'UABE', text: 'two' });
    await expect(two).resolves.toBeUndefined();
    expect(waiters.countOf('chat.postMessage')).toBe(2);
    await expect(waiters.count('chat.postMessage', 3, 50)).rejects.toThrow('2/3 chat.postMessage calls after 50 ms');
  });
});
