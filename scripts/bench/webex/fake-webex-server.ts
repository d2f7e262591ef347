import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeWebexState } from './fake-webex-routes';

export type { FakeCustomerOutcome } from './fake-webex-routes';

/** One request as the client sent it. */
export interface WebexRequest {
  method: string;
  /** Path below the API base (`/wholesale/customers`), with its query. */
  path: string;
  body: any;
  authorization: string | null;
  /** What the fake answered. */
  status: number;
}

export interface FakeWebexOptions {
  /** The only token it accepts (anything else: 401). */
  token?: string;
  /** Past this many requests in one second (of `now`), answer 429 with Retry-After. */
  maxRequestsPerSecond?: number;
  /** The fake's time for its rate window; share it with the client's timer to drive both. */
  now?: () => number;
}

/**
 * A stand-in for the Webex Wholesale provisioning API (and the Locations API) on
 * 127.0.0.1, port 0, started by the tests themselves. It records every request and
 * answers in the API's shapes: asynchronous customers (provisioning -> settled after N
 * GETs), precheck errors, 10022, pending_user_migration and consentMove, and on demand
 * 429/423 with Retry-After and 5xx. Point the client's apiUrl at `url`.
 */
export class FakeWebexServer extends FakeWebexState {
  readonly requests: WebexRequest[] = [];
  /** Answers to give before routing, in order: e.g. `{ status: 429, retryAfterSeconds: 2 }` or `{ status: 503 }`. */
  readonly scripted: { status: number; retryAfterSeconds?: number }[] = [];
  url = '';
  private server: Server | null = null;
  private window = { second: -1, count: 0 };

  private constructor(private readonly options: FakeWebexOptions) {
    super();
  }

  static async start(options: FakeWebexOptions = {}): Promise<FakeWebexServer> {
    const fake = new FakeWebexServer({ token: 'test-webex-token', ...options });
    const server = createServer((req, res) => void fake.handle(req, res));
    fake.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    return fake;
  }

  get token(): string {
    return this.options.token!;
  }

  /** Requests to one path (without the query), e.g. `requestsTo('POST', '/wholesale/customers')`. */
  requestsTo(method: string, path: string): WebexRequest[] {
    return this.requests.filter((r) => r.method === method && r.path.split('?')[0] === path);
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const request: WebexRequest = {
      method: req.method ?? 'GET',
      path: url.pathname.replace(/^\/v1/, '') + url.search,
      body: text ? JSON.parse(text) : undefined,
      authorization: req.headers.authorization ?? null,
      status: 0,
    };
    this.requests.push(request);
    const answer = this.answer(request, url);
    request.status = answer.status;
    res.writeHead(answer.status, { ...(answer.body === undefined ? {} : { 'content-type': 'application/json' }), ...answer.headers });
    res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  }

  private answer(request: WebexRequest, url: URL): { status: number; body?: unknown; headers?: Record<string, string> } {
    if (request.authorization !== `Bearer ${this.options.token}`) {
      return { status: 401, body: { message: 'The request requires a valid access token set in the Authorization request header.' } };
    }
    const limited = this.rateLimited();
    if (limited) return limited;
    const next = this.scripted.shift();
    if (next) {
      const headers = next.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(next.retryAfterSeconds) };
      return { status: next.status, body: { message: 'Scripted answer', errors: [] }, headers };
    }
    return this.route(request.method, url, request.body);
  }

  private rateLimited() {
    const max = this.options.maxRequestsPerSecond;
    if (max === undefined) return null;
    const now = (this.options.now ?? Date.now)();
    const second = Math.floor(now / 1000);
    if (second !== this.window.second) this.window = { second, count: 0 };
    this.window.count += 1;
    if (this.window.count <= max) return null;
    return { status: 429, body: { message: 'Too Many Requests' }, headers: { 'retry-after': '1' } };
  }
}
