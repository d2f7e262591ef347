import type { ReceivedMessage, SmtpTestServer } from '../../fakes/smtp-test-server';

/** The public address the links in emails carry; tests follow their path on the bot's ephemeral port. */
export const PUBLIC_URL = 'https://provbot.example';
export const LINK_SECRET = 'e2e-workflow-link-secret-0123456789abcdef';

export type EmailDriver = ReturnType<typeof emailDriver>;

/** Email as its recipients see it: messages at the SMTP test server, links followed over HTTP. */
export function emailDriver(botUrl: string, smtp: SmtpTestServer) {
  const d = {
    smtp,
    /** Messages to `address` whose subject contains `about`. */
    to: (address: string, about: string): ReceivedMessage[] =>
      smtp.messages.filter((m) => m.envelope.to.includes(address) && (m.headers.subject ?? '').includes(about)),
    /** Waits for a message to `address` whose subject contains `about`. */
    waitFor: (address: string, about: string): Promise<ReceivedMessage> =>
      smtp.waitFor((m) => m.envelope.to.includes(address) && (m.headers.subject ?? '').includes(about), 5000),
    /** The Approve or Reject order link of an Approval email, at the bot's real address. */
    link(email: ReceivedMessage, label: 'Approve' | 'Reject order'): string {
      const url = new RegExp(`${label}: (\\S+)`).exec(email.text ?? '')?.[1];
      if (!url?.startsWith(`${PUBLIC_URL}/links/activity/`)) throw new Error(`no ${label} link in "${email.headers.subject}"`);
      return `${botUrl}${new URL(url).pathname}`;
    },
    /** Opens a link as a mail client or a scanner would: GET, which decides nothing. */
    async open(url: string): Promise<{ status: number; text: string }> {
      const res = await fetch(url);
      return { status: res.status, text: await res.text() };
    },
    /** The confirm button of a link's page: POST, which decides. */
    async confirm(url: string, fields: Record<string, string> = {}): Promise<{ status: number; text: string }> {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ confirm: 'yes', ...fields }).toString(),
      });
      return { status: res.status, text: await res.text() };
    },
  };
  return d;
}
