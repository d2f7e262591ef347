import type { Response } from 'express';
import { escapeHtml } from '../html';

/**
 * The shell of the pages behind one-click email links: plain HTML, no scripts, no
 * external assets (the page must not leak its URL, which holds the token, to another
 * host), and headers that keep the credential out of caches, referrers and frames.
 */
export interface Page {
  status: number;
  html: string;
}

const STYLE = [
  'body{margin:0;padding:32px 24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;background:#fff}',
  'main{max-width:36em}',
  'h1{font-size:1.4em;margin:0 0 16px}',
  'button{font:inherit;font-weight:bold;padding:10px 24px;border:0;border-radius:4px;color:#fff;background:#0b5cad;cursor:pointer}',
  'button.decline{background:#a4262c}',
  'button:focus{outline:3px solid #f2c811;outline-offset:2px}',
  'th{text-align:left;font-weight:normal;color:#555;padding:2px 16px 2px 0}',
  'td{padding:2px 0}',
  '.note{color:#555;font-size:90%}',
].join('\n');

/** `body` is HTML already: build it with p(), table() and the escaping helpers. */
export function page(status: number, title: string, body: string): Page {
  const html = [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)} · provbot</title>`,
    `<style>\n${STYLE}\n</style></head>`,
    `<body><main>\n<h1>${escapeHtml(title)}</h1>\n${body}\n</main></body>`,
    '</html>',
  ].join('\n');
  return { status, html };
}

export const p = (text: string, cls?: string) => `<p${cls ? ` class="${cls}"` : ''}>${escapeHtml(text)}</p>`;

export const table = (rows: [label: string, value: string][]) =>
  `<table>\n${rows.map(([l, v]) => `<tr><th scope="row">${escapeHtml(l)}</th><td>${escapeHtml(v)}</td></tr>`).join('\n')}\n</table>`;

/**
 * The confirmation form: it posts back to the same URL (no action attribute), so the
 * token never appears in the page body.
 */
export const confirmForm = (label: string, danger: boolean, fields: string[] = []) =>
  [
    '<form method="post">',
    '<input type="hidden" name="confirm" value="yes">',
    ...fields,
    `<button type="submit"${danger ? ' class="decline"' : ''}>${escapeHtml(label)}</button>`,
    '</form>',
  ].join('\n');

/** An optional free-text field of a confirm form, with its label above it. */
export const textAreaField = (name: string, label: string, maxLength: number) =>
  `<p><label for="${name}">${escapeHtml(label)}</label><br><textarea id="${name}" name="${name}" rows="3" cols="60" maxlength="${maxLength}"></textarea></p>`;

/** A POST carries the form's marker; a bare POST from some link checker only gets the question. */
export const isConfirmed = (body: unknown) =>
  typeof body === 'object' && body !== null && (body as Record<string, unknown>).confirm === 'yes';

export function sendPage(res: Response, page: Page): void {
  res
    .status(page.status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      // The URL holds a credential: never cache the page, never send it as a Referer.
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      // A framed page could trick the approver into clicking Approve (clickjacking).
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'X-Robots-Tag': 'noindex',
    })
    .send(page.html);
}
