import type { EmailNotice } from '../notifications/notice';
import type { SmtpSettings } from '../notifications/notification-settings';

/**
 * The emails provbot sends. The adapter owns templates and transport (SMTP, or
 * .eml files in the embedded default); the core says what to send and to whom.
 */
export interface EmailNotifier {
  /** The sender address partners ask their IT admin to allowlist. */
  readonly senderAddress: string;
  /**
   * One notice to one address, through `smtp` (null: the bot's own mail settings).
   * Approval notices to someone in the directory (`asUser`) carry signed one-click
   * Approve and Decline links; external addresses get the notice without them.
   * `idempotencyKey` becomes the Message-ID, so a retried send is recognisably the same mail.
   * `linkBase` is the system's "Email Content URL" (protocol://host:port) when set, else
   * the bot's own public URL is used.
   */
  sendNotice(input: {
    to: string;
    asUser: boolean;
    notice: EmailNotice;
    smtp: SmtpSettings | null;
    idempotencyKey: string;
    linkBase: string | null;
  }): Promise<void>;
  /**
   * "Send test email": a test message through `smtp` as entered (null: the bot's own).
   * Rejects with what went wrong in words (refused connection, not an SMTP server,
   * login refused, recipient refused with the SMTP code, ...), never the text another
   * service answered at that address.
   */
  sendTestEmail(input: { to: string; smtp: SmtpSettings | null; scope: string }): Promise<void>;
}
