/**
 * What went wrong talking to a mail server, in words the order history, the outbox's
 * last error and the "Send test email" page can show as they are, plus what the
 * notifier needs to tell a permanent refusal from a failure worth retrying.
 */
export type SmtpFailure = 'unreachable' | 'timeout' | 'tls' | 'not-smtp' | 'login' | 'refused' | 'other';

export class MailTransportError extends Error {
  /** The server's reply code (550, 451, 535, ...) when it answered; null when it never did. */
  readonly responseCode: number | null;
  /** The SMTP command the reply answered: 'MAIL FROM', 'RCPT TO', 'DATA', 'AUTH PLAIN', ... */
  readonly command: string | null;
  readonly failure: SmtpFailure;
  constructor(message: string, details: { failure: SmtpFailure; responseCode: number | null; command: string | null; cause: unknown }) {
    super(message, { cause: details.cause });
    this.name = 'MailTransportError';
    this.failure = details.failure;
    this.responseCode = details.responseCode;
    this.command = details.command;
  }
}

/** nodemailer's error codes (nodemailer/lib/smtp-connection) by what they mean to a reader. */
const FAILURES: Record<string, SmtpFailure> = {
  ECONNECTION: 'unreachable',
  ESOCKET: 'unreachable',
  EDNS: 'unreachable',
  ETIMEDOUT: 'timeout',
  ETLS: 'tls',
  EPROTOCOL: 'not-smtp',
  EAUTH: 'login',
  EENVELOPE: 'refused',
  EMESSAGE: 'refused',
};

/** What Node's TLS layer says when a handshake or a certificate fails (nodemailer reports it as ESOCKET). */
const TLS_WORDS = /certificate|altnames|SSL|TLS|handshake|wrong version number|packet length too long/i;

interface RawSmtpError {
  code?: unknown;
  message?: unknown;
  response?: unknown;
  responseCode?: unknown;
  command?: unknown;
}

/**
 * A nodemailer error as a MailTransportError: "Could not send the email: the mail
 * server at mail.example:25 refused the recipient (SMTP 550 5.1.1)". Only words of ours
 * and the reply's numeric codes: whatever answered at that host and port (an SSH or
 * HTTP server's banner, a hostile server's text) never reaches the reader, who may
 * have pointed the test at a service they want to probe.
 */
export function toMailTransportError(err: unknown, doing: string, server: string, password: string | null): MailTransportError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as RawSmtpError;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const command = typeof e.command === 'string' ? e.command : null;
  const nodeWords = typeof e.message === 'string' ? e.message : '';
  const failure = (typeof e.code === 'string' && FAILURES[e.code]) || 'other';
  const tls = failure === 'unreachable' && e.code === 'ESOCKET' && TLS_WORDS.test(nodeWords);
  const reason = tls ? TLS_FAILED : describe(failure, { code: e.code, nodeWords, command, smtpCode: smtpCode(responseCode, e.response) });
  return new MailTransportError(scrub(`Could not ${doing}: the mail server at ${server} ${reason}`, password), {
    failure: tls ? 'tls' : failure,
    responseCode,
    command,
    cause: err,
  });
}

const TLS_FAILED =
  'failed to set up TLS (check the port: 465 starts with TLS, 25 and 587 upgrade with STARTTLS; and the server certificate)';

/** The words after "the mail server at host:port". */
function describe(failure: SmtpFailure, e: { code: unknown; nodeWords: string; command: string | null; smtpCode: string }): string {
  switch (failure) {
    case 'unreachable':
      return unreachable(e.code, e.nodeWords, e.smtpCode);
    case 'timeout':
      return 'did not answer in time';
    case 'tls':
      return TLS_FAILED;
    case 'not-smtp':
      return e.command === 'CONN'
        ? 'is not an SMTP server (it did not greet as one)'
        : `did not answer as an SMTP server does${e.smtpCode}`;
    case 'login':
      return `refused the login${e.smtpCode}`;
    case 'refused':
      return `${refusedWhat(e.command)}${e.smtpCode}`;
    case 'other':
      return `could not be used${typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code) ? ` (${e.code})` : ''}`;
  }
}

/** Node's socket error names (ECONNREFUSED, ...) are its own words, not the server's. */
function unreachable(code: unknown, nodeWords: string, smtpCode: string): string {
  if (code === 'EDNS') return 'is unreachable: its name was not found';
  if (/ECONNREFUSED/.test(nodeWords)) return 'is unreachable: connection refused';
  if (/EHOSTUNREACH|ENETUNREACH/.test(nodeWords)) return 'is unreachable: no route to it';
  if (smtpCode) return `closed the connection${smtpCode}`;
  if (/ECONNRESET|closed unexpectedly/i.test(nodeWords)) return 'closed the connection';
  return 'is unreachable';
}

function refusedWhat(command: string | null): string {
  if (command === 'RCPT TO') return 'refused the recipient';
  if (command === 'MAIL FROM') return 'refused the sender (From) address';
  if (command === 'DATA') return 'refused the message';
  return 'refused it';
}

/** " (SMTP 550 5.1.1)": the reply code and its enhanced status code (RFC 3463), digits only; "" without a reply. */
function smtpCode(responseCode: number | null, response: unknown): string {
  if (responseCode === null) return '';
  const enhanced = typeof response === 'string' ? /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(response)?.[1] : undefined;
  return ` (SMTP ${responseCode}${enhanced ? ` ${enhanced}` : ''})`;
}

/**
 * A refusal that sending again cannot change: a 5xx reply to the recipient or the
 * message ("550 mailbox unavailable", "553 bad address", "554 transaction failed").
 * Not permanent: 4xx replies and no answer at all (the outbox retries); 552 at RCPT,
 * which RFC 5321 section 4.5.3.1.10 says clients should treat as temporary; and 5xx to
 * the login or to MAIL FROM, which are about our own settings (password, From address):
 * once an administrator fixes them the retries go through.
 */
export function isPermanentRefusal(err: unknown): boolean {
  if (!(err instanceof MailTransportError) || err.failure !== 'refused') return false;
  const code = err.responseCode;
  if (code === null || code < 500 || code > 599) return false;
  if (err.command === 'RCPT TO') return code !== 552;
  return err.command === 'DATA';
}

/** Belt and braces: no error text we pass on may contain the SMTP password. */
export function scrub(text: string, password: string | null): string {
  return password ? text.split(password).join('***') : text;
}
