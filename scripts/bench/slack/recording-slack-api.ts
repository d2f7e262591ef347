import { textIn } from '../../../adapters/slack/blocks/block-kit-limits';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blockKitProblems, viewProblems } from './block-kit-validator';
import { recordPayloadProblems } from '../payload-problems';
import { RecordingSlackFiles } from './recording-slack-files';

/** One Web API call as the bot made it: method, bearer token and arguments (JSON strings such as `blocks` parsed). */
export interface SlackApiCall {
  method: string;
  token: string | null;
  args: Record<string, unknown>;
  /** What the fake answered, e.g. the channel and ts of a posted message. */
  answer: Record<string, unknown>;
  /** When it was answered (Date.now()). */
  at: number;
}

/** One POST to a response_url: `/respond/<n>` and the JSON body. */
export interface ResponseUrlPost {
  path: string;
  body: Record<string, unknown>;
}

export interface SlackUserProfile {
  email: string | null;
  real_name: string;
}

/**
 * A stand-in for the Slack Web API on 127.0.0.1 (ephemeral port) that records
 * every call and answers the way Slack does for the methods provbot uses
 * (auth.test, chat.postMessage, chat.update, chat.postEphemeral, conversations.open,
 * users.info, views.open, views.update, files.info and a file's url_private
 * (recording-slack-files.ts); apps.connections.open for Socket Mode). It also
 * accepts response_url POSTs at `${url}/respond/<anything>`.
 * Point SLACK_API_URL at `${url}/api/`.
 */
export class RecordingSlackApi {
  readonly calls: SlackApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  /** Files sent to an upload URL that files.getUploadURLExternal gave out, by file id. */
  readonly uploads = new Map<string, Buffer>();
  /** Files users shared (files.info, url_private downloads with the bot token). */
  readonly files = new RecordingSlackFiles(() => this.url);
  private readonly listeners = new Set<(call: SlackApiCall) => void>();
  /** users.info answers from here; unknown ids get `user_not_found`. */
  readonly users = new Map<string, SlackUserProfile>();
  /** Messages posted so far, by `${channel}/${ts}`: chat.update of anything else fails like Slack's. */
  private readonly messages = new Map<string, Record<string, unknown>>();
  private readonly triggersUsed = new Set<string>();
  /** Methods that answer `{ ok: false, error }` until cleared. */
  readonly failing = new Map<string, string>();
  /** Methods that answer only after this many milliseconds, like a slow Slack. */
  readonly delays = new Map<string, number>();
  /**
   * chat.postMessage to these channels (as the bot names them: a user id for a DM) is
   * stored and recorded at once but answered only after this many milliseconds, as a
   * Slack that keeps a post and answers after the client gave up.
   */
  readonly lateAnswers = new Map<string, number>();
  /**
   * Methods to answer with HTTP 429 and `Retry-After: <seconds>`, as Slack rate-limits
   * ("ratelimited"), this many times before answering normally. Recorded as `rateLimited`.
   */
  readonly rateLimits = new Map<string, { times: number; retryAfterSeconds: number }>();
  readonly rateLimited: { method: string; at: number }[] = [];
  /**
   * Socket Mode: apps.connections.open answers with this URL (called once per connection,
   * so a fake can hand out a fresh one each time, as Slack does). Unset: the method is unknown.
   */
  socketModeUrl: (() => string) | null = null;
  private server: Server | null = null;
  private seq = 0;
  private responseUrls = 0;
  url = '';

  /** Calls back as each Web API call is recorded (benches time on it); returns the unsubscribe. */
  onCall(listener: (call: SlackApiCall) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  static async start(): Promise<RecordingSlackApi> {
    const api = new RecordingSlackApi();
    await api.listen();
    return api;
  }

  /** A fresh response_url, as Slack puts one in each command and interaction payload. */
  responseUrl(): string {
    return `${this.url}/respond/${++this.responseUrls}`;
  }

  callsTo(method: string): SlackApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(responseUrl: string): ResponseUrlPost[] {
    const path = new URL(responseUrl).pathname;
    return this.responses.filter((r) => r.path === path);
  }

  /** Polls until `probe` returns something truthy; the ack reaches the caller before the bot's Web API calls. */
  async waitFor<T>(probe: () => T | null | undefined | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = probe();
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`waitFor: nothing after ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(', ') || 'none'}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private listen(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res).catch(() => send(res, 500, { ok: false, error: 'fake_failed' })));
    this.server = server;
    return new Promise((resolve) =>
      server.listen(0, '127.0.0.1', () => {
        this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        resolve();
      }),
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    // files.uploadV2 sends the bytes to the URL that files.getUploadURLExternal answered.
    const upload = /^\/upload\/(F\w+)$/.exec(path)?.[1];
    if (upload) {
      this.uploads.set(upload, filePart(await readBytes(req), req.headers['content-type'] ?? ''));
      return send(res, 200, { ok: true });
    }
    const file = req.method === 'GET' ? this.files.download(path, req.headers.authorization) : null;
    if (file) {
      res.writeHead(file.status, { 'content-type': file.type }).end(file.body);
      return;
    }
    const raw = await readBody(req);
    if (path.startsWith('/respond/')) {
      const body = JSON.parse(raw || '{}');
      this.responses.push({ path, body });
      const refused = blocksRefusal('response_url', body.blocks);
      return refused ? send(res, 400, { ok: false, error: refused }) : send(res, 200, { ok: true });
    }
    const method = /^\/api\/([\w.]+)$/.exec(path)?.[1];
    if (!method) return send(res, 404, { ok: false, error: 'unknown_path' });
    const args = parseArgs(raw, req.headers['content-type'] ?? '');
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? (typeof args.token === 'string' ? args.token : null);
    const delay = this.delays.get(method);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const limit = this.rateLimits.get(method);
    if (limit && limit.times > 0) {
      limit.times -= 1;
      this.rateLimited.push({ method, at: Date.now() });
      res
        .writeHead(429, { 'content-type': 'application/json', 'retry-after': String(limit.retryAfterSeconds) })
        .end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    const failure = this.failing.get(method);
    const answer = failure ? { ok: false, error: failure } : this.answer(method, args, token);
    const call = { method, token, args, answer, at: Date.now() };
    this.calls.push(call);
    for (const listener of this.listeners) listener(call);
    const late = method === 'chat.postMessage' ? this.lateAnswers.get(String(args.channel ?? '')) : undefined;
    if (late) await new Promise((r) => setTimeout(r, late));
    if (!res.destroyed) send(res, 200, answer);
  }

  private answer(method: string, args: Record<string, unknown>, token: string | null): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.com/',
          team: 'Fake',
          user: 'provbot',
          team_id: 'T0FAKE',
          user_id: 'UPROVBOT',
          bot_id: 'BPROVBOT',
        };
      case 'chat.postMessage': {
        const refused = blocksRefusal(method, args.blocks);
        if (refused) return { ok: false, error: refused };
        const channel = dmChannel(String(args.channel ?? ''));
        const ts = this.nextTs();
        this.messages.set(`${channel}/${ts}`, args);
        return { ok: true, channel, ts, message: { ...args, ts, type: 'message' } };
      }
      case 'chat.update': {
        const refused = blocksRefusal(method, args.blocks);
        if (refused) return { ok: false, error: refused };
        const key = `${String(args.channel)}/${String(args.ts)}`;
        if (!this.messages.has(key)) return { ok: false, error: 'message_not_found' };
        this.messages.set(key, args);
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      }
      case 'chat.postEphemeral': {
        const refused = blocksRefusal(method, args.blocks);
        return refused ? { ok: false, error: refused } : { ok: true, message_ts: this.nextTs() };
      }
      case 'files.getUploadURLExternal': {
        // https://docs.slack.dev/reference/methods/files.getUploadURLExternal
        if (!args.filename || !Number(args.length)) return { ok: false, error: 'invalid_arguments' };
        const fileId = `F${String(++this.seq).padStart(8, '0')}`;
        return { ok: true, upload_url: `${this.url}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = (typeof args.files === 'string' ? JSON.parse(args.files) : (args.files ?? [])) as { id: string; title?: string }[];
        if (!files.length || files.some((f) => !this.uploads.has(f.id))) return { ok: false, error: 'file_not_found' };
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? '' })) };
      }
      case 'files.info':
        return this.files.info(args);
      case 'conversations.open':
        return { ok: true, channel: { id: dmChannel(String(args.users ?? '')) } };
      case 'users.info':
        return this.userInfo(String(args.user ?? ''));
      case 'views.open':
        return this.openView(args);
      case 'views.update':
        // https://docs.slack.dev/reference/methods/views.update: a view by its id, replaced whole.
        if (!args.view_id || !args.view || viewRefused(method, args.view)) return { ok: false, error: 'invalid_arguments' };
        return { ok: true, view: { ...(args.view as Record<string, unknown>), id: args.view_id } };
      case 'conversations.history':
        return this.history(String(args.channel ?? ''), Number(args.limit ?? 100));
      case 'apps.connections.open':
        return this.connectionsOpen(token);
      case 'views.publish':
        // https://docs.slack.dev/reference/methods/views.publish: a Home tab for one user.
        if (!args.user_id || !args.view || viewRefused(method, args.view)) return { ok: false, error: 'invalid_arguments' };
        return { ok: true, view: { ...(args.view as Record<string, unknown>), id: `V${String(++this.seq).padStart(8, '0')}` } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /**
   * Socket Mode's WebSocket URL, for an app-level token only (a bot token gets
   * not_allowed_token_type). https://docs.slack.dev/reference/methods/apps.connections.open
   */
  private connectionsOpen(token: string | null): Record<string, unknown> {
    if (!this.socketModeUrl) return { ok: false, error: 'unknown_method' };
    if (!token?.startsWith('xapp-')) return { ok: false, error: 'not_allowed_token_type' };
    return { ok: true, url: this.socketModeUrl() };
  }

  /**
   * Slack opens a modal only for a trigger_id less than 3 seconds old, and only once
   * (https://docs.slack.dev/interactivity/handling-user-interaction#modals). Our
   * signed payloads start their trigger_id with the time in milliseconds.
   */
  private openView(args: Record<string, unknown>): Record<string, unknown> {
    const trigger = String(args.trigger_id ?? '');
    const issued = Number(/^(\d{13})\./.exec(trigger)?.[1]);
    if (!trigger || !args.view || viewRefused('views.open', args.view)) return { ok: false, error: 'invalid_arguments' };
    if (this.triggersUsed.has(trigger) || (Number.isFinite(issued) && Date.now() - issued > 3000))
      return { ok: false, error: 'expired_trigger_id' };
    this.triggersUsed.add(trigger);
    return { ok: true, view: { ...(args.view as Record<string, unknown>), id: `V${String(++this.seq).padStart(8, '0')}` } };
  }

  /**
   * Messages posted to a channel (or a DM: its D… id), newest first, with their
   * metadata, as include_all_metadata asks. https://docs.slack.dev/reference/methods/conversations.history
   */
  private history(channel: string, limit: number): Record<string, unknown> {
    const messages = [...this.messages.entries()]
      .filter(([key]) => key.startsWith(`${channel}/`))
      .map(([key, args]) => ({
        type: 'message',
        ts: key.slice(channel.length + 1),
        text: args.text,
        ...(args.metadata ? { metadata: args.metadata } : {}),
      }))
      .reverse()
      .slice(0, limit);
    return { ok: true, messages, has_more: false };
  }

  private userInfo(id: string): Record<string, unknown> {
    const u = this.users.get(id);
    if (!u) return { ok: false, error: 'user_not_found' };
    return {
      ok: true,
      user: {
        id,
        name: u.real_name.toLowerCase().replace(/\s+/g, '.'),
        real_name: u.real_name,
        profile: { real_name: u.real_name, ...(u.email ? { email: u.email } : {}) },
      },
    };
  }

  private nextTs(): string {
    return `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, '0')}`;
  }
}

/** Characters of text in blocks past which Slack answers msg_blocks_too_long (undocumented; bolt-js issues 2509, 2867). */
export const SLACK_BLOCK_TEXT_LIMIT = 12_000;

/**
 * What Slack refuses in a message's blocks, as it refuses it: any documented Block Kit
 * limit broken (invalid_blocks; block-kit-validator.ts), and too much text in all
 * (msg_blocks_too_long). Null when the blocks would be taken; otherwise the problems
 * are also recorded, so the test that sent them fails (payload-problems.ts).
 */
function blocksRefusal(where: string, blocks: unknown): string | null {
  if (blocks === undefined) return null;
  const problems = blockKitProblems(blocks, 'message');
  if (problems.length > 0) {
    recordPayloadProblems(where, problems);
    return 'invalid_blocks';
  }
  const total = textIn(blocks);
  if (total <= SLACK_BLOCK_TEXT_LIMIT) return null;
  recordPayloadProblems(where, [
    `${total} characters of text in blocks; Slack answers msg_blocks_too_long past about ${SLACK_BLOCK_TEXT_LIMIT}`,
  ]);
  return 'msg_blocks_too_long';
}

/** A modal or Home tab Slack would refuse (invalid_arguments), recorded like blocksRefusal's. */
function viewRefused(where: string, view: unknown): boolean {
  const problems = viewProblems(view);
  recordPayloadProblems(where, problems);
  return problems.length > 0;
}

/** Posting to a user id lands in the bot's DM with them, whose id Slack returns (D…). */
const dmChannel = (channel: string) => (/^[UW]/.test(channel) ? `D${channel.slice(1)}` : channel);

function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.startsWith('application/json')) return JSON.parse(raw || '{}');
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) args[k] = /^[[{]/.test(v) ? tryJson(v) : v;
  return args;
}

function tryJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function readBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Bolt's WebClient posts the file as multipart/form-data: the bytes of its one part, else the body as sent. */
function filePart(body: Buffer, contentType: string): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return body;
  const mark = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const start = body.indexOf('\r\n\r\n', body.indexOf(mark)) + 4;
  const end = body.indexOf(Buffer.concat([Buffer.from('\r\n'), mark]), start);
  return start < 4 || end < 0 ? body : body.subarray(start, end);
}
