import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_MENU } from '../adapters/presenters/present-help';
import { fillManifest, packageTeams } from './package-teams';

const dir = join(import.meta.dirname, '..', 'manifest', 'teams');
const template = readFileSync(join(dir, 'manifest.json'), 'utf8');
const APP_ID = '12345678-90ab-cdef-1234-567890abcdef';
const out = mkdtempSync(join(tmpdir(), 'provbot-package-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The archive's files by name, read by fflate as any unzip would (it checks each CRC). */
function unzip(archive: Buffer): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(archive)).map(([name, data]) => [name, Buffer.from(data)]));
}

/** Width, height and RGBA pixels of a PNG written without per-row filters (as draw-teams-icons writes them). */
function pngPixels(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  expect([png[24], png[25]]).toEqual([8, 6]); // 8-bit RGBA
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) {
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + png.readUInt32BE(at)));
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels: number[][] = [];
  for (let y = 0; y < height; y++) {
    expect(raw[y * (1 + width * 4)]).toBe(0);
    for (let x = 0; x < width; x++) pixels.push([...raw.subarray(y * (1 + width * 4) + 1 + x * 4, y * (1 + width * 4) + 5 + x * 4)]);
  }
  return { width, height, pixels };
}

describe('Teams app manifest', () => {
  const manifest = JSON.parse(template);

  it('is a 1.17 manifest whose bot works in personal chats, teams and group chats', () => {
    expect(manifest.manifestVersion).toBe('1.17');
    expect(manifest.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json');
    expect(manifest.id).toBe('${{TEAMS_APP_ID}}');
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0].botId).toBe('${{BOT_ID}}');
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(manifest.validDomains).toEqual(['${{BOT_DOMAIN}}']);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.developer.name.length).toBeLessThanOrEqual(32);
  });

  it('lists the command menu of the help (Teams allows ten), within the schema limits', () => {
    const lists = manifest.bots[0].commandLists;
    expect(lists).toHaveLength(1);
    expect(lists[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    const titles = lists[0].commands.map((c: { title: string }) => c.title);
    expect(new Set(titles)).toEqual(new Set(COMMAND_MENU));
    expect(lists[0].commands.length).toBeLessThanOrEqual(10);
    for (const c of lists[0].commands) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
    }
  });

  it('has a 192x192 colour icon and a 32x32 outline icon that is white on transparent', () => {
    const color = pngPixels(readFileSync(join(dir, 'color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(new Set(color.pixels.map((p) => p.join()))).not.toEqual(new Set(['255,255,255,255']));
    const outline = pngPixels(readFileSync(join(dir, 'outline.png')));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.pixels.every(([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255))).toBe(true);
    expect(outline.pixels.some(([, , , a]) => a === 0)).toBe(true);
    expect(outline.pixels.some(([, , , a]) => a === 255)).toBe(true);
  });
});

describe('fillManifest', () => {
  it('fills the ids from MICROSOFT_APP_ID and the domain from PUBLIC_URL, and sets the version', () => {
    const { manifest, warnings } = fillManifest(template, { appId: APP_ID, publicUrl: 'https://provbot.example.com/', version: '2.3.4' });
    const m = JSON.parse(manifest);
    expect(warnings).toEqual([]);
    expect(manifest).not.toContain('${{');
    expect([m.id, m.bots[0].botId, m.version]).toEqual([APP_ID, APP_ID, '2.3.4']);
    expect(m.validDomains).toEqual(['provbot.example.com']);
    expect(m.developer.websiteUrl).toBe('https://provbot.example.com');
  });

  it('takes TEAMS_APP_ID for the app id when given', () => {
    const other = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
    const m = JSON.parse(
      fillManifest(template, { appId: APP_ID, teamsAppId: other, publicUrl: 'https://x.example', version: '1.0.0' }).manifest,
    );
    expect([m.id, m.bots[0].botId]).toEqual([other, APP_ID]);
  });

  it('leaves the placeholders and warns when the variables are unset or wrong', () => {
    const bare = fillManifest(template, { version: '1.0.0' });
    expect(JSON.parse(bare.manifest).bots[0].botId).toBe('${{BOT_ID}}');
    expect(bare.warnings.join('\n')).toMatch(/\$\{\{BOT_ID\}\} is left as is: set MICROSOFT_APP_ID/);
    expect(bare.warnings.join('\n')).toMatch(/\$\{\{BOT_DOMAIN\}\} is left as is: set PUBLIC_URL/);
    const wrong = fillManifest(template, { appId: 'not-a-guid', publicUrl: 'http://localhost:3978', version: '1.0.0' });
    expect(wrong.warnings).toEqual([
      'MICROSOFT_APP_ID is not a GUID; Teams refuses the package.',
      'PUBLIC_URL is not https; Teams refuses http URLs in the manifest.',
    ]);
  });
});

describe('packageTeams', () => {
  it('writes a zip with the manifest and both icons at its root', () => {
    const file = join(out, 'provbot-teams.zip');
    const { warnings } = packageTeams({ appId: APP_ID, publicUrl: 'https://provbot.example.com', version: '0.1.0' }, file);
    expect(warnings).toEqual([]);
    const files = unzip(readFileSync(file));
    expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    expect(JSON.parse(files.get('manifest.json')!.toString('utf8')).bots[0].botId).toBe(APP_ID);
    expect(files.get('color.png')).toEqual(readFileSync(join(dir, 'color.png')));
    expect(files.get('outline.png')).toEqual(readFileSync(join(dir, 'outline.png')));
  });

  it('writes the same bytes for the same input', () => {
    const settings = { appId: APP_ID, publicUrl: 'https://provbot.example.com', version: '0.1.0' };
    packageTeams(settings, join(out, 'first.zip'));
    packageTeams(settings, join(out, 'second.zip'));
    expect(readFileSync(join(out, 'second.zip'))).toEqual(readFileSync(join(out, 'first.zip')));
  });
});
