import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adaptiveCardProblems } from './adaptive-card-validator';
import { recordPayloadProblems } from '../../scripts/bench/payload-problems';

/** A roster entry as GET /v3/conversations/{id}/members/{userId} returns it. */
export interface RosterMember {
  id: string;
  name: string;
  email?: string;
  userPrincipalName?: string;
  aadObjectId?: string;
}

export interface ConnectorCall {
  method: string;
  /** The path as sent, ids still URL-encoded. */
  path: string;
  /** Decoded ids from the path, when it names them. */
  conversationId: string | null;
  activityId: string | null;
  userId: string | null;
  authorization: string | null;
  /** The parsed JSON body; `any` because tests reach into activities and cards freely. */
  body: any;
  /** What the connector answered (`reply.id` is the new activity's id). */
  status: number;
  reply: any;
  /** When it was answered (Date.now()). */
  at: number;
}

const ROUTES: { method: string; pattern: RegExp; keys: ('conversationId' | 'activityId' | 'userId')[] }[] = [
  { method: 'POST', pattern: /^\/v3\/conversations\/?$/, keys: [] },
  { method: 'POST', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/?$/, keys: ['conversationId'] },
  { method: 'POST', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, keys: ['conversationId', 'activityId'] },
  { method: 'PUT', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, keys: ['conversationId', 'activityId'] },
  { method: 'GET', pattern: /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/, keys: ['conversationId', 'userId'] },
];

/**
 * A Bot Framework connector (the `serviceUrl` of activities) on 127.0.0.1: records
 * every call and answers like the Teams connector does: new activity ids for sends,
 * roster members from `roster`, a new conversation for POST /v3/conversations.
 * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference
 */
export class RecordingBotConnector {
  readonly calls: ConnectorCall[] = [];
  /** Keyed by the Bot Framework user id (29:…). */
  readonly roster = new Map<string, RosterMember>();
  /**
   * Calls to answer with an error instead, as Teams does when a bot was removed or
   * throttled: every time, or `times` times; a 429 may carry Retry-After.
   */
  readonly failures: {
    match: (call: { method: string; conversationId: string | null }) => boolean;
    status: number;
    times?: number;
    retryAfterSeconds?: number;
  }[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly server = createServer((req, res) => void this.answer(req, res));
  private counter = 0;

  static async start(roster: RosterMember[] = []): Promise<RecordingBotConnector> {
    const connector = new RecordingBotConnector();
    for (const m of roster) connector.roster.set(m.id, m);
    await new Promise<void>((resolve) => connector.server.listen(0, '127.0.0.1', resolve));
    return connector;
  }

  /** With the trailing slash, as Teams sends serviceUrl. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** Resolves with the first recorded call that matches, waiting up to `timeoutMs` for it. */
  async waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs = 3000): Promise<ConnectorCall> {
    const found = () => this.calls.find(predicate);
    const deadline = Date.now() + timeoutMs;
    while (!found()) {
      const left = deadline - Date.now();
      if (left <= 0) {
        const seen = this.calls.map((c) => `${c.method} ${c.path}`).join('\n  ') || '(none)';
        throw new Error(`no matching connector call within ${timeoutMs} ms; calls so far:\n  ${seen}`);
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
    return found()!;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '/').split('?')[0]!;
    const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(path));
    const ids = { conversationId: null, activityId: null, userId: null } as Record<
      'conversationId' | 'activityId' | 'userId',
      string | null
    >;
    const groups = route?.pattern.exec(path) ?? [];
    for (const [i, k] of route?.keys.entries() ?? []) ids[k] = decodeURIComponent(groups[i + 1]!);
    const body = raw ? safeJson(raw) : null;
    checkCards(`${req.method} ${path}`, body);
    const failure = this.failures.find(
      (f) => f.match({ method: req.method!, conversationId: ids.conversationId }) && (f.times === undefined || f.times > 0),
    );
    if (failure?.times !== undefined) failure.times -= 1;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (failure?.retryAfterSeconds !== undefined) headers['retry-after'] = String(failure.retryAfterSeconds);
    const [status, reply] = failure
      ? [
          failure.status,
          failure.status === 429
            ? { error: { code: 'Throttled', message: 'Too many requests.' } }
            : { error: { code: 'Forbidden', message: 'The bot is not part of the conversation roster.' } },
        ]
      : route
        ? this.reply(req.method!, ids, body)
        : [404, { error: { code: 'NotFound', message: `no route ${req.method} ${path}` } }];
    this.calls.push({
      method: req.method!,
      path,
      ...ids,
      authorization: req.headers.authorization ?? null,
      body,
      status,
      reply,
      at: Date.now(),
    });
    res.writeHead(status, headers).end(JSON.stringify(reply));
    for (const wake of [...this.waiters]) wake();
  }

  private reply(method: string, ids: Record<string, string | null>, body: unknown): [number, unknown] {
    if (method === 'GET') {
      const member = this.roster.get(ids.userId!);
      return member
        ? [200, member]
        : [404, { error: { code: 'MemberNotFoundInConversation', message: 'The user is not a member of this conversation.' } }];
    }
    if (method === 'PUT') return [200, { id: ids.activityId }];
    if (!ids.conversationId) {
      const members = (body as { members?: { id: string }[] } | null)?.members ?? [];
      return [201, { id: `a:personal-${members[0]?.id ?? 'unknown'}`, serviceUrl: this.url, activityId: '' }];
    }
    return [201, { id: `activity-${++this.counter}-${randomUUID().slice(0, 6)}` }];
  }
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** Every Adaptive Card the bot sends or updates, checked as Teams would take it; problems are recorded (payload-problems.ts). */
function checkCards(where: string, body: unknown): void {
  const attachments = (body as { attachments?: { contentType?: string; content?: unknown }[] } | null)?.attachments;
  if (!Array.isArray(attachments)) return;
  for (const a of attachments) if (a?.contentType === ADAPTIVE_CARD) recordPayloadProblems(where, adaptiveCardProblems(a.content));
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
