import nodemailer from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { SmtpSettings } from '../../core/index';
import type { MailTransport } from './mail-transport';
import { toMailTransportError } from './smtp-error';

/** Connection, greeting and DNS timeout unless told otherwise; the idle-socket timeout is twice this. */
export const DEFAULT_SMTP_TIMEOUT_MS = 10_000;

/** The URL with its password (and any query, which may carry credentials) replaced, for logs. */
export function redactSmtpUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    const query = u.search ? '?***' : '';
    u.search = '';
    return u.toString() + query;
  } catch {
    return 'smtp://(unparseable URL)';
  }
}

/** SMTP_URL: the bot's own mail server. */
export function smtpUrlTransport(url: string, timeoutMs: number = DEFAULT_SMTP_TIMEOUT_MS): MailTransport {
  let server = 'SMTP_URL';
  let password: string | null = null;
  try {
    const u = new URL(url);
    server = u.port ? `${u.hostname}:${u.port}` : u.hostname;
    password = decodeURIComponent(u.password) || null;
  } catch {
    // An unparseable URL fails at the first send, with nodemailer's words.
  }
  return smtpTransport({ url, ...timeouts(timeoutMs) }, { description: redactSmtpUrl(url), server, password });
}

/**
 * The seed's Email Settings: "Mail Server Name", "Mail Server Port ... Optional setting
 * if a nondefault port is used", "User Name ... Specify only if an authenticated SMTP
 * server is used". Port 465 is implicit TLS (RFC 8314); any other port starts in plain
 * text and nodemailer upgrades with STARTTLS when the server offers it.
 */
export function smtpSettingsTransport(settings: SmtpSettings, timeoutMs: number = DEFAULT_SMTP_TIMEOUT_MS): MailTransport {
  const host = settings.host.trim();
  const port = settings.port ?? 25;
  const user = settings.user?.trim() || null;
  const auth = user ? { user, pass: settings.password ?? '' } : undefined;
  const description = `smtp${port === 465 ? 's' : ''}://${user ? `${encodeURIComponent(user)}:***@` : ''}${host}:${port}`;
  return smtpTransport(
    { host, port, secure: port === 465, auth, ...timeouts(timeoutMs) },
    { description, server: `${host}:${port}`, password: auth ? settings.password : null },
  );
}

/**
 * nodemailer's defaults (2 min to connect, 30 s for the greeting, 10 min idle) would
 * leave a send hanging on a dead server, and the core's history row Pending.
 */
const timeouts = (ms: number) => ({ connectionTimeout: ms, greetingTimeout: ms, dnsTimeout: ms, socketTimeout: 2 * ms });

/**
 * One connection per message, no pool: a failure belongs to one message, and the
 * dispatcher's own limit on destinations served at once bounds the connections.
 * The SMTPTransport is built directly: createTransport({ url, ...options }) parses the
 * URL and silently drops every other option (nodemailer 7, lib/nodemailer.js).
 */
function smtpTransport(
  options: SMTPTransport.Options,
  meta: { description: string; server: string; password: string | null },
): MailTransport {
  const transporter = nodemailer.createTransport(new SMTPTransport(options));
  return {
    description: meta.description,
    async send(message) {
      try {
        const info = await transporter.sendMail(message);
        return { messageId: info.messageId };
      } catch (err) {
        throw toMailTransportError(err, 'send the email', meta.server, meta.password);
      }
    },
    async verify() {
      try {
        await transporter.verify();
      } catch (err) {
        throw toMailTransportError(err, 'reach the mail server', meta.server, meta.password);
      }
    },
    async close() {
      transporter.close();
    },
  };
}
