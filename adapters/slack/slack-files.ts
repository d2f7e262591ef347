import { createHash } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import { z } from 'zod';

/** About 20,000 users of a few columns; the API's users.csv takes as much. */
export const USERS_CSV_MAX_BYTES = 2 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 15_000;

/** The file fields we use, as files.info and a message's `files` carry them. */
export const ZSlackFile = z.object({
  id: z.string().regex(/^F[A-Z0-9]{1,31}$/),
  name: z.string().max(500).default('file'),
  size: z.number().int().nonnegative().optional(),
  filetype: z.string().max(64).optional(),
  mimetype: z.string().max(200).optional(),
});
export type SlackFile = z.infer<typeof ZSlackFile>;

const ZFileInfo = z.object({
  file: ZSlackFile.extend({ url_private: z.string().url().optional(), url_private_download: z.string().url().optional() }),
});

export type DownloadedFile = { ok: true; name: string; text: string; sha256: string } | { ok: false; reason: string };

/** What a listener needs to read a shared file; built where the bot token is known. */
export interface SlackFiles {
  download(fileId: string): Promise<DownloadedFile>;
}

/** A .csv by name or by Slack's own reading of it, within the size limit; else why not, in words. */
export function csvFileRefusal(file: SlackFile): string | null {
  const isCsv = /\.csv$/i.test(file.name) || file.filetype === 'csv' || file.mimetype === 'text/csv';
  if (!isCsv) return `${file.name} is not a CSV file: share the users as a .csv file (a spreadsheet saved as "CSV"), one line per user.`;
  if (file.size !== undefined && file.size > USERS_CSV_MAX_BYTES) return tooLarge(file.name, file.size);
  return null;
}

const tooLarge = (name: string, size?: number) =>
  `${name} is ${size === undefined ? 'larger than that' : `${(size / 1024 / 1024).toFixed(1)} MB`}; a file of users can be at most ${USERS_CSV_MAX_BYTES / 1024 / 1024} MB, so split it into smaller files.`;

/**
 * "Working with files": files.info gives the file's url_private, which is fetched with
 * the bot token as `Authorization: Bearer` (needs the files:read scope).
 * https://docs.slack.dev/messaging/working-with-files
 * The token goes only to Slack's own hosts (or the configured API's, as in tests): a
 * url_private elsewhere is refused rather than handed a token.
 */
export function slackFiles(o: { client: webApi.WebClient; botToken: string; apiUrl: string }): SlackFiles {
  const apiOrigin = new URL(o.apiUrl).origin;
  const trusted = (url: URL) =>
    url.origin === apiOrigin || (url.protocol === 'https:' && (url.hostname === 'slack.com' || url.hostname.endsWith('.slack.com')));
  return {
    async download(fileId) {
      const info = ZFileInfo.parse(await o.client.files.info({ file: fileId }));
      const refusal = csvFileRefusal(info.file);
      if (refusal) return { ok: false, reason: refusal };
      const href = info.file.url_private_download ?? info.file.url_private;
      if (!href || !trusted(new URL(href)))
        return { ok: false, reason: `Slack did not give me a way to read ${info.file.name}; share it again.` };
      const res = await fetch(href, {
        headers: { authorization: `Bearer ${o.botToken}` },
        signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
      });
      // Without the files:read scope Slack answers with its sign-in page, not the file.
      if (!res.ok || /text\/html/i.test(res.headers.get('content-type') ?? ''))
        return {
          ok: false,
          reason: `Slack did not let me read ${info.file.name}; share it again, or ask your Slack administrator to reinstall provbot.`,
        };
      const bytes = await readAtMost(res, USERS_CSV_MAX_BYTES);
      if (!bytes) return { ok: false, reason: tooLarge(info.file.name) };
      return { ok: true, name: info.file.name, text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
    },
  };
}

/** The body, or null past `max` bytes (a file larger than Slack said it was is not read to the end). */
async function readAtMost(res: Response, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body ?? []) {
    total += chunk.length;
    if (total > max) return null;
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
