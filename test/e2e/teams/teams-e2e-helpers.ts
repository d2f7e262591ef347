import type { Actor, Core } from '../../../core/index';
import type { RecordingBotConnector } from '../../fakes/recording-bot-connector';

export const API_TOKEN = 'teams-e2e-api-token-0123456789';

export interface TeamsBot {
  url: string;
  core: Core;
  connector: RecordingBotConnector;
  /** POSTs an activity (or any body) to /api/messages as the Teams service would. */
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed };
}

/** Someone allowed to read any order of the test domain, to compare state before and after. */
export const auditor = (email: string): Actor => ({ channel: 'api', name: 'auditor', email, platformUserId: null, user: null });

/** The UTC day before today: intake sends the initial emails at once, so resend is allowed. */
export const yesterday = (): string => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** The Adaptive Card of a recorded connector call (a message or an update). */
export function cardOf(call: { body: any }): any {
  const attachment = call.body?.attachments?.[0];
  if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive') throw new Error(`not a card: ${JSON.stringify(call.body).slice(0, 300)}`);
  return attachment.content;
}

/** Everything a reader of the card sees, Markdown escapes removed, one line per text or fact. */
export function cardText(card: any): string {
  const out: string[] = [];
  const walk = (elements: any[]) => {
    for (const e of elements ?? []) {
      if (e.type === 'TextBlock') out.push(e.text);
      if (e.type === 'FactSet') for (const f of e.facts) out.push(`${f.title}: ${f.value}`);
      if (e.type === 'Container') walk(e.items);
    }
  };
  walk(card.body);
  return out.join('\n').replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1').replace(/\\(.)/g, '$1');
}
