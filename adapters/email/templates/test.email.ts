import type { EmailContent } from './email-layout';
import { composeEmail, fields, note, paragraph } from './email-layout';

export interface TestEmailInput {
  /** Whose settings: "system", or a domain. */
  scope: string;
  /** What carried it, safe to show: "smtp://provbot:***@mail.example:25", or "provbot's own mail settings". */
  server: string;
  from: string;
  sentAt: string;
}

/**
 * "Click Send test email to send an email using the current settings ... However, a
 * successful test will not automatically save the settings" (Testing Notification
 * Settings). The email says so, since whoever reads it may not be the one who tested.
 */
export function testEmail(input: TestEmailInput): EmailContent {
  return composeEmail(`provbot test email: ${input.scope} notification settings`, [
    paragraph('Hello,'),
    paragraph(
      `This is a test email from provbot, sent with the ${input.scope} notification settings. It arrived, so the mail server accepts them.`,
    ),
    fields([
      ['Settings', input.scope],
      ['Mail server', input.server],
      ['From address', input.from],
      ['Sent at', input.sentAt],
    ]),
    note('A test does not save the settings: whoever ran it still needs to save them. No reply is needed.'),
  ]);
}
