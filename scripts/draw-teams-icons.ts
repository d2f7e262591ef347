/**
 * Draws the two Teams app icons into manifest/teams (run once; the PNGs are committed):
 * color.png, 192x192 full colour, and outline.png, 32x32 white on transparent, as the
 * app manifest asks. https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons
 * The logo is an envelope (the provisioning email). Plain Node: shapes are sampled 4x4
 * per pixel for smooth edges and written as an RGBA PNG with zlib.
 *   npx tsx scripts/draw-teams-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';

type Rgba = [number, number, number, number];
type Layer = { covers: (x: number, y: number) => boolean; color: Rgba };

const TEAL: Rgba = [11, 106, 119, 255];
const WHITE: Rgba = [255, 255, 255, 255];

const roundedRect = (x0: number, y0: number, x1: number, y1: number, r: number) => (x: number, y: number) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

function segment(ax: number, ay: number, bx: number, by: number, width: number) {
  return (x: number, y: number) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= width / 2;
  };
}

const frame = (x0: number, y0: number, x1: number, y1: number, w: number) => {
  const outer = roundedRect(x0, y0, x1, y1, w);
  const inner = roundedRect(x0 + w, y0 + w, x1 - w, y1 - w, w / 2);
  return (x: number, y: number) => outer(x, y) && !inner(x, y);
};

const any =
  (...shapes: ((x: number, y: number) => boolean)[]) =>
  (x: number, y: number) =>
    shapes.some((s) => s(x, y));

function render(size: number, layers: Layer[]): Buffer {
  const S = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0 (None), then RGBA
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size;
          const y = (py + (sy + 0.5) / S) / size;
          const top = [...layers].reverse().find((l) => l.covers(x, y));
          if (top) for (let i = 0; i < 4; i++) acc[i]! += i < 3 ? top.color[i]! * top.color[3] : top.color[3];
        }
      }
      const alpha = acc[3]! / (S * S);
      const o = 1 + px * 4;
      for (let i = 0; i < 3; i++) row[o + i] = alpha ? Math.round(acc[i]! / acc[3]!) : 0;
      row[o + 3] = Math.round(alpha);
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

function png(size: number, scanlines: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter method variants, no interlace
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const envelopeFlap = (w: number, x0: number, y0: number, x1: number, yMid: number) =>
  any(segment(x0, y0, (x0 + x1) / 2, yMid, w), segment((x0 + x1) / 2, yMid, x1, y0, w));

const color = render(192, [
  { covers: roundedRect(0, 0, 1, 1, 0.2), color: TEAL },
  { covers: roundedRect(0.2, 0.3, 0.8, 0.7, 0.04), color: WHITE },
  { covers: envelopeFlap(0.05, 0.22, 0.32, 0.78, 0.53), color: TEAL },
]);
const outline = render(32, [{ covers: any(frame(0.1, 0.22, 0.9, 0.78, 0.09), envelopeFlap(0.09, 0.12, 0.26, 0.88, 0.56)), color: WHITE }]);

writeFileSync(new URL('../manifest/teams/color.png', import.meta.url), color);
writeFileSync(new URL('../manifest/teams/outline.png', import.meta.url), outline);
console.log(`manifest/teams/color.png ${color.length} bytes, manifest/teams/outline.png ${outline.length} bytes`);
