/**
 * The scripts' one reader of DATABASE_URL, with the bot's default (bot/config.ts):
 * a SQLite file under data/, relative to the working directory.
 */
export const DEFAULT_DATABASE_URL = 'file:./data/provbot.db';

export function databaseUrlFromEnv(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

/** The URL without its password, fit for a log line. */
export function redact(databaseUrl: string): string {
  if (databaseUrl.startsWith('file:')) return databaseUrl;
  const url = new URL(databaseUrl);
  if (url.password) url.password = '***';
  return url.toString();
}
