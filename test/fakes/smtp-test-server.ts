import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 and an ephemeral port, recording what
 * it receives. STARTTLS is off: the package's bundled certificate has expired and
 * nodemailer would refuse it (PLATFORM-NOTES, Email).
 */
export interface ReceivedMessage {
  envelope: { from: string; to: string[] };
  raw: string;
  /** Lower-case names, folded lines joined, RFC 2047 words decoded. */
  headers: Record<string, string>;
  text: string | null;
  html: string | null;
  /** Parts sent as attachments (Content-Disposition: attachment), their bytes decoded. */
  attachments: MailAttachment[];
  /** The name the client gave in EHLO/HELO (nodemailer's `name`, e.g. `?name=` in an SMTP URL): tells senders apart. */
  clientName: string;
  /** When the server stored it, just before its 250 reply. */
  receivedAt: Date;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface SmtpTestServer {
  url: string;
  port: number;
  messages: ReceivedMessage[];
  /** Every AUTH a client tried, right or wrong: what a server of someone's choosing would learn. */
  logins: { user: string; pass: string }[];
  waitFor(predicate: (m: ReceivedMessage) => boolean, timeoutMs?: number): Promise<ReceivedMessage>;
  /** Answer the next `times` messages with this SMTP error instead of accepting them. */
  failWith(code: number, message: string, times?: number): void;
  /** Answer RCPT TO for this address (any case) with this SMTP error, until told otherwise. */
  refuseRecipient(address: string, code: number, message: string): void;
  /** Ends refuseRecipient for this address: its mail is taken again. */
  acceptRecipient(address: string): void;
  /**
   * Take every message's DATA but send no reply until `release`, as a slow or stuck
   * server does: the client sits in the DATA phase. A client that disconnects first
   * loses its message (never stored), as with a real server that never sent the 250.
   */
  hold(): void;
  /** Messages whose DATA is in and whose client still waits for the reply. */
  readonly held: number;
  /** Messages held and then given up by their client (its connection closed before the reply): never in `messages`. */
  readonly dropped: readonly ReceivedMessage[];
  /** Ends `hold`: each message still waited for is stored, then answered 250. */
  release(): void;
  /** Stop accepting connections (clients get ECONNREFUSED) on the same port, until `resume`. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSmtpTestServer(options: { auth?: { user: string; pass: string } } = {}): Promise<SmtpTestServer> {
  const messages: ReceivedMessage[] = [];
  const logins: { user: string; pass: string }[] = [];
  let failure: { code: number; message: string; times: number } | null = null;
  const refusedRecipients = new Map<string, { code: number; message: string }>();
  let holding = false;
  /** By SMTP session id: the message as it would be stored, and how to accept it. */
  const held = new Map<string, { message: ReceivedMessage; accept: () => void }>();
  const dropped: ReceivedMessage[] = [];
  const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

  const server = new SMTPServer({
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    closeTimeout: 200,
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push({ user: auth.username ?? '', pass: auth.password ?? '' });
      const ok = auth.username === options.auth?.user && auth.password === options.auth?.pass;
      callback(
        ok ? null : Object.assign(new Error('Authentication failed'), { responseCode: 535 }),
        ok ? { user: auth.username } : undefined,
      );
    },
    onRcptTo(address, _session, callback) {
      const refusal = refusedRecipients.get(address.address.toLowerCase());
      callback(refusal ? smtpError(refusal.code, refusal.message) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failure && failure.times > 0) {
          failure.times -= 1;
          return callback(smtpError(failure.code, failure.message));
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const clientName = typeof session.hostNameAppearsAs === 'string' ? session.hostNameAppearsAs : '';
        const message = {
          envelope: { from, to: session.envelope.rcptTo.map((r) => r.address) },
          raw,
          ...parseMime(raw),
          clientName,
          receivedAt: new Date(),
        };
        const accept = () => {
          message.receivedAt = new Date();
          // Stored before the 250 reply, so an accepted send means the message is in `messages`.
          messages.push(message);
          callback();
        };
        if (holding) held.set(session.id, { message, accept });
        else accept();
      });
    },
    onClose(session) {
      // The client went away while its message waited for our reply: it was never accepted.
      const waiting = held.get(session.id);
      if (!waiting) return;
      held.delete(session.id);
      dropped.push(waiting.message);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const credentials = options.auth ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@` : '';

  return {
    url: `smtp://${credentials}127.0.0.1:${port}`,
    port,
    messages,
    logins,
    async waitFor(predicate, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching message within ${timeoutMs} ms (received ${messages.length})`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    failWith(code, message, times = Number.POSITIVE_INFINITY) {
      failure = { code, message, times };
    },
    acceptRecipient(address) {
      refusedRecipients.delete(address.toLowerCase());
    },
    refuseRecipient(address, code, message) {
      refusedRecipients.set(address.toLowerCase(), { code, message });
    },
    hold() {
      holding = true;
    },
    get held() {
      return held.size;
    },
    get dropped() {
      return dropped;
    },
    release() {
      holding = false;
      const waiting = [...held.values()];
      held.clear();
      for (const { accept } of waiting) accept();
    },
    // The listening socket alone: the SMTPServer and its handlers stay, so `resume`
    // listens again on the same port and the same URL works.
    pause: () => new Promise<void>((resolve) => server.server.close(() => resolve())),
    resume: () =>
      new Promise<void>((resolve, reject) => {
        server.server.once('error', reject);
        server.server.listen(port, '127.0.0.1', () => {
          server.server.off('error', reject);
          resolve();
        });
      }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Just enough MIME for nodemailer's output: headers, multipart/alternative, and
 * quoted-printable or base64 parts. (mailparser is not installed.)
 */
export function parseMime(raw: string): Pick<ReceivedMessage, 'headers' | 'text' | 'html' | 'attachments'> {
  const { headers, body } = splitEntity(raw);
  const found: Found = { text: null, html: null, attachments: [] };
  collectParts(headers, body, found);
  return { headers, ...found };
}

function splitEntity(raw: string): { headers: Record<string, string>; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : '';
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

type Found = { text: string | null; html: string | null; attachments: MailAttachment[] };

function collectParts(headers: Record<string, string>, body: string, found: Found) {
  const type = (headers['content-type'] ?? 'text/plain').toLowerCase();
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (type.startsWith('multipart/') && boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    for (const part of parts) {
      if (part.startsWith('--')) break;
      const entity = splitEntity(part.replace(/^\r?\n/, ''));
      collectParts(entity.headers, entity.body, found);
    }
    return;
  }
  const disposition = headers['content-disposition'] ?? '';
  if (/^attachment/i.test(disposition)) {
    const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? '';
    const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
    const content = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64') : Buffer.from(body, 'utf8');
    found.attachments.push({ filename, contentType: type.split(';')[0]!.trim(), content });
    return;
  }
  const decoded = decodeBody(body, headers['content-transfer-encoding'] ?? '7bit');
  if (type.startsWith('text/html')) found.html ??= decoded;
  else if (type.startsWith('text/plain')) found.text ??= decoded;
}

function decodeBody(body: string, encoding: string): string {
  switch (encoding.toLowerCase()) {
    case 'quoted-printable':
      return decodeQuotedPrintable(body.replace(/=\r?\n/g, ''));
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body.replace(/\r?\n$/, '');
  }
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!, 'utf8'));
  }
  return Buffer.from(bytes)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** RFC 2047 encoded words, as nodemailer writes non-ASCII subjects and names. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}
