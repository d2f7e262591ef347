import { escapeHtml, safeHref } from '../html';

/**
 * A template describes its email once, as blocks; this file renders the plain-text
 * and HTML parts from them. One source keeps both parts saying the same thing, and
 * one renderer does all the escaping, so no template can forget it.
 */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** Text, or a link shown as its label (or the URL itself) in HTML and as the URL in text. */
export type Inline = string | { href: string; label?: string };

export type Block =
  | { kind: 'paragraph'; parts: Inline[] }
  | { kind: 'fields'; rows: [label: string, value: string][] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'buttons'; links: { label: string; href: string }[] }
  | { kind: 'note'; parts: Inline[] };

export const paragraph = (...parts: Inline[]): Block => ({ kind: 'paragraph', parts });
export const note = (...parts: Inline[]): Block => ({ kind: 'note', parts });
export const fields = (rows: [string, string][]): Block => ({ kind: 'fields', rows });
export const list = (items: Inline[][]): Block => ({ kind: 'list', items });
export const buttons = (links: { label: string; href: string }[]): Block => ({ kind: 'buttons', links });
export const link = (href: string, label?: string): Inline => ({ href, label });

export function composeEmail(subject: string, blocks: Block[]): EmailContent {
  return { subject, text: `${blocks.map(blockText).join('\n\n')}\n`, html: page(subject, blocks.map(blockHtml).join('\n')) };
}

function inlineText(parts: Inline[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.label ? `${p.label} (${p.href})` : p.href)).join('');
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'note':
      return inlineText(block.parts);
    case 'fields':
      return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
    case 'list':
      return block.items.map((item) => `- ${inlineText(item)}`).join('\n');
    case 'buttons':
      return block.links.map((l) => `${l.label}: ${l.href}`).join('\n');
  }
}

function inlineHtml(parts: Inline[]): string {
  return parts
    .map((p) => (typeof p === 'string' ? escapeHtml(p) : `<a href="${safeHref(p.href)}">${escapeHtml(p.label ?? p.href)}</a>`))
    .join('');
}

const BUTTON_STYLE =
  'display:inline-block;padding:10px 20px;margin:0 12px 8px 0;border-radius:4px;background:#0b5cad;color:#ffffff;text-decoration:none;font-weight:bold';

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${inlineHtml(block.parts)}</p>`;
    case 'note':
      return `<p style="color:#555555;font-size:90%">${inlineHtml(block.parts)}</p>`;
    case 'fields': {
      const rows = block.rows.map(
        ([label, value]) =>
          `<tr><th scope="row" style="text-align:left;padding:2px 16px 2px 0;font-weight:normal;color:#555555">${escapeHtml(label)}</th><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
      );
      return `<table style="border-collapse:collapse;margin:0 0 16px">\n${rows.join('\n')}\n</table>`;
    }
    case 'list':
      return `<ul>\n${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('\n')}\n</ul>`;
    case 'buttons':
      return `<p>${block.links.map((l) => `<a href="${safeHref(l.href)}" style="${BUTTON_STYLE}">${escapeHtml(l.label)}</a>`).join('')}</p>`;
  }
}

function page(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1b1b1b;background:#ffffff">',
    '<div style="max-width:600px">',
    body,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}
