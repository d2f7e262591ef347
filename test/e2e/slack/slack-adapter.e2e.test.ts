import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRequest, ChatNotice, ChatTo, DirectoryUser, Logger, Order } from '../../../core/index';
import { createSlackAdapter } from '../../../adapters/slack/create-slack-adapter';
import { RecordingSlackApi } from '../../../scripts/bench/slack/recording-slack-api';
import { postSigned, slashCommandBody } from '../../../scripts/bench/slack/slack-signing';
import { buttonsOf, visibleText } from './slack-e2e-harness';
import { anAccessRequest } from '../../fixtures/core-values';

const TOKEN = 'xoxb-very-secret-token-value';
const SECRET = 'signing-secret-that-must-not-leak';

function recordingLog() {
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => void lines.push({ level, fields, message });
  const log: Logger = { info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines, text: () => JSON.stringify(lines) };
}

/** A port with nothing listening: what Slack looks like from a machine without network. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return `http://127.0.0.1:${port}/api/`;
}

const request: AccessRequest = anAccessRequest({
  orderNumber: 'ORD-9',
  domain: 'acme.example',
  action: { kind: 'resend', lines: [1] },
  requester: { name: 'Bob', email: 'bob@x.example', channel: 'slack', platformUserId: 'UBOB' },
  approver: { email: 'alice@acme.example', name: 'Alice' },
});
const order = { number: 'ORD-9', subscriptionId: 'Sub-9', offer: 'A-Flex', domain: 'acme.example' } as Order;
const alice: DirectoryUser = { id: 'u1', email: 'alice@acme.example', name: 'Alice', slackUserId: 'UALICE', teamsUserId: null, roles: [] };

let api: RecordingSlackApi;
beforeAll(async () => {
  api = await RecordingSlackApi.start();
});
afterAll(() => api?.stop());

describe('createSlackAdapter', () => {
  it('constructs and starts without Slack being reachable, logs the failed token check, and never logs a secret', async () => {
    const { log, lines, text } = recordingLog();
    const started = Date.now();
    const adapter = createSlackAdapter({ mode: 'http', signingSecret: SECRET, botToken: TOKEN, apiUrl: await deadUrl(), log });
    await adapter.start();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(adapter.router).not.toBeNull();
    // Three attempts a few hundred milliseconds apart, then a warning; not a 30-minute stall.
    await api.waitFor(() => lines.find((l) => l.message.startsWith('Slack token check failed')), 10_000);
    expect(text()).not.toContain(TOKEN);
    expect(text()).not.toContain(SECRET);
    await adapter.stop();
  }, 15_000);

  it('checks the token with auth.test once at start', async () => {
    const { log, lines } = recordingLog();
    const adapter = createSlackAdapter({ mode: 'http', signingSecret: SECRET, botToken: TOKEN, apiUrl: `${api.url}/api/`, log });
    expect(api.callsTo('auth.test')).toEqual([]);
    await adapter.start();
    await api.waitFor(() => lines.find((l) => l.message === 'Slack token accepted'));
    expect(api.callsTo('auth.test').map((c) => c.token)).toEqual([TOKEN]);
  });

  it('answers a request it cannot serve with a ref that the error log carries, and no detail', async () => {
    const { log, lines } = recordingLog();
    // Never attached to a core: every command fails unexpectedly.
    const adapter = createSlackAdapter({ mode: 'http', signingSecret: SECRET, botToken: TOKEN, apiUrl: `${api.url}/api/`, log });
    const app = express().use('/slack/events', adapter.guard!).use(adapter.router!);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const responseUrl = api.responseUrl();
      const body = slashCommandBody({ text: 'status ORD-1', user: { id: 'UX', name: 'x' }, responseUrl });
      const res = await postSigned(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, body, { secret: SECRET });
      expect(res.status).toBe(200);
      const reply = visibleText((await api.waitFor(() => api.responsesTo(responseUrl)[0])).body);
      const logged = lines.find((l) => l.message === 'slack request failed');
      expect(logged?.fields).toMatchObject({ command: '/prov', userId: 'UX', error: expect.stringContaining('before attach(core)') });
      expect(reply).toContain(`Something went wrong (ref ${String(logged?.fields.ref)})`);
      expect(reply).not.toContain('attach');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it('refuses a mode without its credential, and Socket Mode has no HTTP router', () => {
    const { log } = recordingLog();
    expect(() => createSlackAdapter({ mode: 'http', botToken: TOKEN, apiUrl: `${api.url}/api/`, log })).toThrow(/signing secret/);
    expect(() => createSlackAdapter({ mode: 'socket', botToken: TOKEN, apiUrl: `${api.url}/api/`, log })).toThrow(/app-level token/);
    const socket = createSlackAdapter({ mode: 'socket', appToken: 'xapp-1-test', botToken: TOKEN, apiUrl: `${api.url}/api/`, log });
    expect(socket.router).toBeNull();
    expect(socket.guard).toBeUndefined();
  });
});

describe('the Slack ChatNotifier', () => {
  const { log } = recordingLog();
  const notifier = () =>
    createSlackAdapter({ mode: 'http', signingSecret: SECRET, botToken: TOKEN, apiUrl: `${api.url}/api/`, log }).notifier;

  const post = (to: ChatTo, notice: ChatNotice) =>
    notifier().postNotice({ to, notice, idempotencyKey: `access:${request.id}`, inDoubt: false });
  const aliceDm: ChatTo = { kind: 'user', platformUserId: 'UALICE', email: alice.email };

  it('posts an access request to the placer with its buttons, and returns where the DM landed', async () => {
    const posts = api.callsTo('chat.postMessage').length;
    const posted = await post(aliceDm, { kind: 'access-request', request, order });
    const call = api.callsTo('chat.postMessage')[posts]!;
    expect(call).toMatchObject({ args: { channel: 'UALICE' } });
    expect(buttonsOf(call.args).map((b) => b.action_id)).toEqual(['access.approve', 'access.decline']);
    expect(posted).toEqual({ platform: 'slack', address: JSON.stringify({ channel: 'DALICE', ts: call.answer.ts }) });
  });

  it('updates the stored channel and ts with the decided request, and refuses for good an address it did not write', async () => {
    const posted = (await post(aliceDm, { kind: 'access-request', request, order }))!;
    const decided = {
      ...request,
      status: 'Declined' as const,
      decidedBy: { name: 'Alice', email: null, channel: 'slack' as const },
      decidedAt: new Date(),
    };
    await notifier().updateNotice({ message: posted, notice: { kind: 'access-request', request: decided, order } });
    expect(api.callsTo('chat.update').at(-1)?.args).toMatchObject(JSON.parse(posted.address));
    expect(buttonsOf(api.callsTo('chat.update').at(-1)!.args)).toEqual([]);
    const notSlack = notifier().updateNotice({
      message: { platform: 'teams', address: posted.address },
      notice: { kind: 'access-request', request: decided, order },
    });
    await expect(notSlack).rejects.toMatchObject({ name: 'DeliveryRefused', permanent: true });
  });

  it('tells the requester in their DM, and lets a Slack error reach the dispatcher', async () => {
    const decided = { ...request, status: 'Approved' as const };
    const bobDm: ChatTo = { kind: 'user', platformUserId: 'UBOB', email: 'bob@other-partner.example' };
    await post(bobDm, { kind: 'access-decision', request: decided });
    expect(api.callsTo('chat.postMessage').at(-1)?.args.channel).toBe('UBOB');
    api.failing.set('chat.postMessage', 'channel_not_found');
    try {
      await expect(post(bobDm, { kind: 'access-decision', request: decided })).rejects.toThrow(/channel_not_found/);
    } finally {
      api.failing.delete('chat.postMessage');
    }
  });
});
