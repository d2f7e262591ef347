import { inflateSync } from 'node:zlib';

/**
 * The text shown by a PDF that pdfkit wrote with its standard fonts: each content
 * stream (inflated when compressed) holds the runs as hex strings in TJ arrays
 * (`[<476c6f> 0 <626578>] TJ`), in WinAnsi encoding. Enough to read a generated
 * document back in tests; not a general PDF parser.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const streams: string[] = [];
  for (const m of source.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const raw = Buffer.from(m[1]!, 'latin1');
    try {
      streams.push(inflateSync(raw).toString('latin1'));
    } catch {
      streams.push(m[1]!);
    }
  }
  const lines: string[] = [];
  for (const array of streams.join('\n').matchAll(/\[((?:<[0-9a-fA-F]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)) {
    const hex = [...array[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('');
    lines.push(Buffer.from(hex, 'hex').toString('latin1'));
  }
  return lines.join('\n');
}
