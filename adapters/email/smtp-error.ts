/**
 * What went wrong talking to a mail server, in words the order history, the outbox's
 * last error and the "Send test email" page can show as they are, plus what the
 * notifier needs to tell a permanent refusal from a failure worth retrying.
 */
export type SmtpFailure = 'unreachable' | 'timeout' | 'login' | 'refused' | 'other';

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
  EAUTH: 'login',
  EENVELOPE: 'refused',
  EMESSAGE: 'refused',
};

/**
 * A nodemailer error as a MailTransportError: "Could not send the email: the mail
 * server at mail.example:25 refused it (... 550 Mailbox unavailable)". The server's own
 * words stay in; `password` is cut out wherever it appears.
 */
export function toMailTransportError(err: unknown, doing: string, server: string, password: string | null): MailTransportError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; message?: unknown; responseCode?: unknown; command?: unknown };
  const detail = typeof e.message === 'string' ? e.message : String(err);
  const failure = (typeof e.code === 'string' && FAILURES[e.code]) || 'other';
  const at = `the mail server at ${server}`;
  const reason: Record<SmtpFailure, string> = {
    unreachable: `${at} is unreachable (${detail})`,
    timeout: `${at} did not answer in time (${detail})`,
    login: `${at} refused the login (${detail})`,
    refused: `${at} refused it (${detail})`,
    other: detail,
  };
  return new MailTransportError(scrub(`Could not ${doing}: ${reason[failure]}`, password), {
    failure,
    responseCode: typeof e.responseCode === 'number' ? e.responseCode : null,
    command: typeof e.command === 'string' ? e.command : null,
    cause: err,
  });
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
