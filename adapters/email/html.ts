/**
 * HTML escaping shared by the email templates and the link pages. Every value that
 * reaches HTML goes through one of these: names, emails and product names come from
 * order intake and chat users, so they are untrusted.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * An href for a link we build from configuration (public URL, admin portal). Only
 * http(s) is allowed, so a misconfigured value can never become a javascript: link.
 */
export function safeHref(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`not a URL: ${url}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`not an http(s) URL: ${url}`);
  return escapeHtml(url);
}
