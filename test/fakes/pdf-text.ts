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
  // Each stream is exactly /Length bytes after `stream` and its line end: compressed bytes
  // may themselves end in \r or \n, so searching for the `endstream` that follows would cut
  // one off now and then (and the document would read as empty).
  for (const m of source.matchAll(/\/Length (\d+)[^>]*>>\s*stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const data = source.slice(start, start + Number(m[1]));
    try {
      streams.push(inflateSync(Buffer.from(data, 'latin1')).toString('latin1'));
    } catch {
      streams.push(data);
    }
  }
  const lines: string[] = [];
  for (const array of streams.join('\n').matchAll(/\[((?:<[0-9a-fA-F]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)) {
    const hex = [...array[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('');
    lines.push(Buffer.from(hex, 'hex').toString('latin1'));
  }
  return lines.join('\n');
}
