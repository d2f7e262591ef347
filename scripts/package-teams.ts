/**
 * `npm run package:teams`: the Teams app package, dist/provbot-teams.zip, holding
 * manifest.json, color.png and outline.png at its root, as Teams expects to upload it.
 * https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package
 * The zip is written with fflate (no `zip` binary on CI machines is assumed).
 * Placeholders are filled from the environment (see manifest/teams/README.md).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST_DIR = join(ROOT, 'manifest', 'teams');
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

export interface PackageSettings {
  /** MICROSOFT_APP_ID: the bot's app id. */
  appId?: string;
  /** TEAMS_APP_ID: the Teams app's own id; the bot's when unset. */
  teamsAppId?: string;
  /** PUBLIC_URL: where the bot is reached. */
  publicUrl?: string;
  /** The app version, from package.json: Teams wants it raised for every upload. */
  version: string;
}

const SOURCES: Record<string, string> = {
  BOT_ID: 'MICROSOFT_APP_ID',
  TEAMS_APP_ID: 'MICROSOFT_APP_ID (or TEAMS_APP_ID)',
  PUBLIC_URL: 'PUBLIC_URL',
  BOT_DOMAIN: 'PUBLIC_URL',
};
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The manifest with its placeholders filled; a warning for each one left unfilled. */
export function fillManifest(template: string, s: PackageSettings): { manifest: string; warnings: string[] } {
  const publicUrl = s.publicUrl?.replace(/\/+$/, '');
  const values: Record<string, string | undefined> = {
    BOT_ID: s.appId,
    TEAMS_APP_ID: s.teamsAppId ?? s.appId,
    PUBLIC_URL: publicUrl,
    BOT_DOMAIN: publicUrl ? new URL(publicUrl).host : undefined,
  };
  const warnings = new Set<string>();
  const filled = template.replace(/\$\{\{([A-Z_]+)\}\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined)
      warnings.add(`${placeholder} is left as is: set ${SOURCES[name] ?? name} to fill it (Teams refuses a package with placeholders).`);
    return value === undefined ? placeholder : JSON.stringify(value).slice(1, -1);
  });
  for (const [name, value] of [
    ['MICROSOFT_APP_ID', s.appId],
    ['TEAMS_APP_ID', s.teamsAppId],
  ] as const) {
    if (value && !GUID.test(value)) warnings.add(`${name} is not a GUID; Teams refuses the package.`);
  }
  if (publicUrl && !publicUrl.startsWith('https://')) warnings.add('PUBLIC_URL is not https; Teams refuses http URLs in the manifest.');
  const manifest = { ...JSON.parse(filled), version: s.version };
  return { manifest: `${JSON.stringify(manifest, null, 2)}\n`, warnings: [...warnings] };
}

/** Files at the archive's root, deflated; the fixed date gives the same bytes for the same input. */
function zip(files: { name: string; data: Uint8Array }[]): Uint8Array {
  const entries = Object.fromEntries(files.map((f) => [f.name, f.data]));
  return zipSync(entries, { level: 9, mtime: new Date(1980, 0, 1) });
}

export function packageTeams(s: PackageSettings, outFile = join(ROOT, 'dist', 'provbot-teams.zip')): { file: string; warnings: string[] } {
  const { manifest, warnings } = fillManifest(readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8'), s);
  const files = PACKAGE_FILES.map((name) => ({
    name,
    data: name === 'manifest.json' ? Buffer.from(manifest) : readFileSync(join(MANIFEST_DIR, name)),
  }));
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, zip(files));
  return { file: outFile, warnings };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const env = (name: string) => process.env[name]?.trim() || undefined;
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const { file, warnings } = packageTeams({
    appId: env('MICROSOFT_APP_ID'),
    teamsAppId: env('TEAMS_APP_ID'),
    publicUrl: env('PUBLIC_URL'),
    version,
  });
  for (const w of warnings) console.warn(`warning: ${w}`);
  console.log(`wrote ${file}`);
}
