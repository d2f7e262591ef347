import type { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { slackFiles } from './slack-files';

const API = 'http://127.0.0.1:9/api/';
const clientWith = (file: Record<string, unknown>) =>
  ({
    files: { info: async () => ({ ok: true, file: { id: 'F0001', name: 'users.csv', filetype: 'csv', ...file } }) },
  }) as unknown as webApi.WebClient;

afterEach(() => vi.restoreAllMocks());

describe('reading a shared file from Slack', () => {
  it('fetches url_private with the bot token and fingerprints the bytes', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('a,b\n', { headers: { 'content-type': 'text/csv' } }));
    const files = slackFiles({
      client: clientWith({ url_private: 'https://files.slack.com/files-pri/T1-F0001/users.csv' }),
      botToken: 'xoxb-1',
      apiUrl: API,
    });
    expect(await files.download('F0001')).toEqual({
      ok: true,
      name: 'users.csv',
      text: 'a,b\n',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(fetch.mock.calls[0]![1]).toMatchObject({ headers: { authorization: 'Bearer xoxb-1' } });
  });

  it('never sends the token to a host that is not Slack (or the configured API)', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    const files = slackFiles({ client: clientWith({ url_private: 'https://evil.example/users.csv' }), botToken: 'xoxb-1', apiUrl: API });
    expect(await files.download('F0001')).toEqual({ ok: false, reason: expect.stringContaining('share it again') });
    const plain = slackFiles({ client: clientWith({ url_private: 'http://files.slack.com/users.csv' }), botToken: 'xoxb-1', apiUrl: API });
    expect((await plain.download('F0001')).ok).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("takes Slack's sign-in page (no files:read) for what it is, and stops reading past the size limit", async () => {
    const url = 'https://files.slack.com/files-pri/T1-F0001/users.csv';
    vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(new Response('<html>', { headers: { 'content-type': 'text/html' } }));
    const files = slackFiles({ client: clientWith({ url_private: url }), botToken: 'xoxb-1', apiUrl: API });
    expect(await files.download('F0001')).toEqual({ ok: false, reason: expect.stringContaining('did not let me read users.csv') });
    vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(new Response(Buffer.alloc(2 * 1024 * 1024 + 1, 97)));
    expect(await files.download('F0001')).toEqual({ ok: false, reason: expect.stringContaining('at most 2 MB') });
  });
});
