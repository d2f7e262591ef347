import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseUrl } from './response-url';

const received: { path: string; type: string | undefined; body: unknown }[] = [];
const server = createServer((req, res) => {
  let raw = '';
  req.on('data', (c) => (raw += c));
  req.on('end', () => {
    received.push({ path: req.url ?? '', type: req.headers['content-type'], body: JSON.parse(raw) });
    res.statusCode = req.url === '/expired' ? 404 : 200;
    res.end(req.url === '/expired' ? 'expired_url' : 'ok');
  });
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('replying through a response_url', () => {
  it('posts the message as JSON to the URL Slack gave', async () => {
    await responseUrl(`${base}/commands/T1/42/abc`)({ response_type: 'ephemeral', text: 'hi' });
    expect(received.at(-1)).toEqual({
      path: '/commands/T1/42/abc',
      type: 'application/json; charset=utf-8',
      body: { response_type: 'ephemeral', text: 'hi' },
    });
  });

  it('fails with the HTTP status when Slack refuses the reply (expired or used up)', async () => {
    await expect(responseUrl(`${base}/expired`)({ text: 'late' })).rejects.toThrow('response_url answered HTTP 404');
  });

  it('refuses a missing or non-HTTP response_url without sending anything', async () => {
    const before = received.length;
    await expect(responseUrl(undefined)({ text: 'x' })).rejects.toThrow('no usable response_url');
    await expect(responseUrl('file:///etc/passwd')({ text: 'x' })).rejects.toThrow('no usable response_url');
    expect(received.length).toBe(before);
  });
});
