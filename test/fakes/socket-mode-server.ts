import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

/**
 * Slack's side of Socket Mode on 127.0.0.1: the WebSocket that apps.connections.open
 * points the app at (RecordingSlackApi.socketModeUrl = () => server.nextUrl()).
 * On each connection it says `hello`; it then sends envelopes and records the app's acks.
 * https://docs.slack.dev/apis/events-api/using-socket-mode
 */

/** What the app sends back for an envelope: its id and, for some types, a response (the HTTP answer's body). */
export interface SocketModeAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export class SocketModeServer {
  readonly acks: SocketModeAck[] = [];
  /** Every connection the app opened, oldest first. */
  readonly connections: WebSocket[] = [];
  private readonly tickets = new Set<string>();
  private issued = 0;
  private envelopes = 0;
  private base = '';

  private constructor(private readonly wss: WebSocketServer) {}

  static async start(): Promise<SocketModeServer> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    const server = new SocketModeServer(wss);
    server.base = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link/`;
    wss.on('connection', (socket, req) => server.accept(socket, req.url ?? ''));
    return server;
  }

  /** A fresh URL, good for one connection (Slack's carry a ticket of their own). */
  nextUrl(): string {
    const ticket = `t${++this.issued}`;
    this.tickets.add(ticket);
    return `${this.base}?ticket=${ticket}`;
  }

  /** The connection now open, if any. */
  get open(): WebSocket | null {
    const last = this.connections.at(-1);
    return last && last.readyState === last.OPEN ? last : null;
  }

  /** Sends an envelope on the open connection (waiting for one, as after a reconnect); resolves on its ack. */
  async request(type: EnvelopeType, payload: Record<string, unknown>, acceptsResponsePayload: boolean): Promise<SocketModeAck> {
    const socket = await this.waitFor(() => this.open);
    const envelopeId = `env-${++this.envelopes}`;
    socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: acceptsResponsePayload }));
    return this.waitFor(() => this.acks.find((a) => a.envelope_id === envelopeId));
  }

  /**
   * The same request as an HTTP body Slack would have posted (slack-signing.ts builds them):
   * over the socket a slash command's form fields come as an object and an interaction's
   * `payload` as parsed JSON. Slack accepts a response payload for commands and view submissions.
   */
  deliverForm(body: string): Promise<SocketModeAck> {
    const form = new URLSearchParams(body);
    const interaction = form.get('payload');
    if (interaction === null) return this.request('slash_commands', Object.fromEntries(form), true);
    const payload = JSON.parse(interaction) as Record<string, unknown>;
    return this.request('interactive', payload, payload.type === 'view_submission');
  }

  /** Cuts the open connection without a close frame, as a network failure would. */
  drop(): void {
    this.open?.terminate();
  }

  /**
   * Asks the app to reconnect, as Slack does before recycling the host a connection is on
   * (`refresh_requested`, about every few hours, or `warning` shortly before).
   */
  askToReconnect(reason: 'refresh_requested' | 'warning' = 'refresh_requested'): void {
    this.open?.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-applink' } }));
  }

  /** Polls until `probe` finds something (the app answers asynchronously). */
  async waitFor<T>(probe: () => T | null | undefined, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = probe();
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`SocketModeServer: nothing after ${timeoutMs} ms (${this.connections.length} connections)`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async stop(): Promise<void> {
    for (const socket of this.connections) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket, url: string): void {
    const ticket = new URL(url, 'ws://x').searchParams.get('ticket') ?? '';
    // A URL is good once: an app that reconnects must call apps.connections.open again.
    if (!this.tickets.delete(ticket)) {
      socket.close(4001, 'unknown or used ticket');
      return;
    }
    this.connections.push(socket);
    socket.on('message', (data) => this.record(String(data)));
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake-applink', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0PROVBOT' },
      }),
    );
  }

  private record(text: string): void {
    const message = JSON.parse(text) as Partial<SocketModeAck>;
    if (typeof message.envelope_id === 'string') this.acks.push({ envelope_id: message.envelope_id, payload: message.payload });
  }
}
