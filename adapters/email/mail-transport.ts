import { constants } from 'node:fs';
import { access, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../fs/private-files';
import { DEFAULT_SMTP_TIMEOUT_MS, smtpUrlTransport } from './smtp-transport';

export { redactSmtpUrl } from './smtp-transport';

/**
 * Where email goes: an SMTP server, or (the embedded default when SMTP_URL is unset)
 * .eml files in an outbox directory, so a fresh install works without a mail server
 * and every message stays inspectable.
 */
export const ZMailTransportConfig = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('smtp'),
    url: z
      .string()
      .trim()
      .regex(/^smtps?:\/\/[^/]+/, 'must look like smtp://user:pass@host:587 or smtps://host:465'),
    /** Connection, greeting and DNS timeout; the idle-socket timeout is twice this. */
    timeoutMs: z.number().int().positive().default(DEFAULT_SMTP_TIMEOUT_MS),
  }),
  z.object({ kind: z.literal('outbox'), dir: z.string().trim().min(1) }),
]);
export type MailTransportConfig = z.input<typeof ZMailTransportConfig>;

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** "<id@host>"; nodemailer makes one up when absent. */
  messageId?: string;
  /** Files sent with it (the order summary PDF), as nodemailer takes them. */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface MailTransport {
  /** Safe to log: the SMTP password and query are redacted. */
  readonly description: string;
  /**
   * Resolves once the server accepted the message (or the file is in place); rejects
   * with a readable Error, a MailTransportError (smtp-error.ts) when SMTP failed.
   */
  send(message: OutgoingMail): Promise<{ messageId: string }>;
  /** Checks the server answers and accepts the login (or the outbox is writable). */
  verify(): Promise<void>;
  close(): Promise<void>;
}

export function createMailTransport(config: MailTransportConfig): MailTransport {
  const parsed = ZMailTransportConfig.parse(config);
  return parsed.kind === 'smtp' ? smtpUrlTransport(parsed.url, parsed.timeoutMs) : outboxTransport(parsed.dir);
}

function outboxTransport(dir: string): MailTransport {
  // Composes the full RFC 822 message (headers, multipart text+html) without sending it,
  // with CRLF line ends as RFC 5322 requires, so any mail client opens the file.
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    description: `outbox ${dir}`,
    async send(message) {
      // newline: 'windows' covers headers and encoded parts but leaves 7bit bodies as
      // given, so the parts are normalised here to keep the whole file CRLF.
      const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
      const info = await composer.sendMail({ ...message, text: crlf(message.text), html: crlf(message.html) });
      const name = `${fileStamp(new Date())}-${fileSafe(info.messageId)}.eml`;
      try {
        await makePrivateDir(dir);
        // Written under a dot-name and renamed: whoever watches the outbox for *.eml never
        // sees half a message (rename is atomic within one directory).
        const temp = join(dir, `.${name}.tmp`);
        // 0600: the approval links in it work for whoever reads it.
        await writeFile(temp, info.message as Buffer, { flag: 'wx', mode: PRIVATE_FILE_MODE });
        await rename(temp, join(dir, name));
      } catch (err) {
        throw new Error(`Could not write the email to the outbox ${dir}: ${err instanceof Error ? err.message : String(err)}`, {
          cause: err,
        });
      }
      return { messageId: info.messageId };
    },
    async verify() {
      await makePrivateDir(dir);
      await access(dir, constants.W_OK);
    },
    async close() {},
  };
}

/** 2026-11-23T10-00-00-000Z: sorts by time and is a valid file name everywhere. */
const fileStamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

const fileSafe = (messageId: string) =>
  messageId
    .replace(/^<|>$/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .slice(0, 80);
