/** A file as a `file_share` message or files.info carries it. https://docs.slack.dev/reference/objects/file-object */
export interface SharedSlackFile {
  id: string;
  name: string;
  size: number;
  filetype: string;
  mimetype: string;
  url_private: string;
  url_private_download: string;
}

/** One GET of a file's url_private, with the token it carried (null: none). */
export interface FileDownload {
  fileId: string;
  token: string | null;
  status: number;
}

/**
 * Files shared in the fake workspace, for the recording Slack API: files.info answers with
 * their url_private, and a GET there returns the bytes only with `Authorization: Bearer`
 * and the bot token, as Slack's does (https://docs.slack.dev/messaging/working-with-files);
 * without it Slack answers with its sign-in page, so this answers HTML. Every GET is recorded.
 */
export class RecordingSlackFiles {
  readonly downloads: FileDownload[] = [];
  /** The token a download must carry; any bot token (xoxb-) when unset. */
  botToken: string | null = null;
  private readonly files = new Map<string, { file: SharedSlackFile; bytes: Buffer }>();
  private seq = 0;

  constructor(private readonly baseUrl: () => string) {}

  /** Puts a file in the workspace, as if a user uploaded it; returns it as a message's `files` carries it. */
  share(o: { name: string; content: string | Buffer; filetype?: string; mimetype?: string }): SharedSlackFile {
    const bytes = Buffer.isBuffer(o.content) ? o.content : Buffer.from(o.content, 'utf8');
    const id = `F${String(++this.seq).padStart(9, '0')}`;
    const url = `${this.baseUrl()}/files-pri/T0FAKE-${id}/${encodeURIComponent(o.name)}`;
    const file = {
      id,
      name: o.name,
      size: bytes.length,
      filetype: o.filetype ?? (o.name.split('.').pop() ?? 'text').toLowerCase(),
      mimetype: o.mimetype ?? (/\.csv$/i.test(o.name) ? 'text/csv' : 'application/octet-stream'),
      url_private: url,
      url_private_download: `${url}?download=1`,
    };
    this.files.set(id, { file, bytes });
    return file;
  }

  /** Changes a shared file's bytes in place, as an edit in Slack would. */
  replace(id: string, content: string): void {
    const f = this.files.get(id);
    if (f) f.bytes = Buffer.from(content, 'utf8');
  }

  /** https://docs.slack.dev/reference/methods/files.info */
  info(args: Record<string, unknown>): Record<string, unknown> {
    const f = this.files.get(String(args.file ?? ''));
    return f ? { ok: true, file: { ...f.file, size: f.bytes.length } } : { ok: false, error: 'file_not_found' };
  }

  /** A GET of `/files-pri/<team>-<id>/<name>`; null when the path is not a file's. */
  download(path: string, authorization: string | undefined): { status: number; type: string; body: Buffer } | null {
    const id = /^\/files-pri\/T0FAKE-(F\d+)\//.exec(path)?.[1];
    if (!id) return null;
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? null;
    const f = this.files.get(id);
    const allowed = token !== null && (this.botToken ? token === this.botToken : token.startsWith('xoxb-'));
    const answer = !f
      ? { status: 404, type: 'text/plain', body: Buffer.from('not found') }
      : allowed
        ? { status: 200, type: f.file.mimetype, body: f.bytes }
        : { status: 200, type: 'text/html', body: Buffer.from('<!DOCTYPE html><title>Sign in | Slack</title>') };
    this.downloads.push({ fileId: id, token, status: answer.status === 200 && allowed ? 200 : answer.status === 404 ? 404 : 401 });
    return answer;
  }
}
