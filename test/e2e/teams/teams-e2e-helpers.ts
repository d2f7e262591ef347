import type { Actor, Clock, Core } from '../../../core/index';
import type { RecordingBotConnector } from '../../fakes/recording-bot-connector';

export const API_TOKEN = 'teams-e2e-api-token-0123456789';

export interface TeamsBot {
  url: string;
  core: Core;
  /** The bot's clock: dates in a test are counted from it. */
  clock: Clock;
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

/** The Adaptive Card of a recorded connector call (a message or an update). */
export function cardOf(call: { body: any }): any {
  const attachment = call.body?.attachments?.[0];
  if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive')
    throw new Error(`not a card: ${JSON.stringify(call.body).slice(0, 300)}`);
  return attachment.content;
}

/** Everything a reader of the card sees in Teams, Markdown escapes and entities read, one line per text or fact. */
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
  return (
    out
      .join('\n')
      .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1')
      .replace(/\\(.)/g, '$1')
      // As the Teams client shows it: a word in angle brackets is taken for markup and vanishes; entities show as characters.
      .replace(/<[^>]*>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
  );
}

/** Every button of a card as its verb, the buttons inside unfolding cards (Action.ShowCard) included. */
export function verbsOf(card: any): string[] {
  const walk = (actions: any[] = []): string[] => actions.flatMap((a) => (a.type === 'Action.ShowCard' ? walk(a.card.actions) : [a.verb]));
  return walk(card.actions);
}

/** The card's inputs (in its body, containers and unfolding cards) by id. */
export function inputsOf(card: any): Record<string, any> {
  const out: Record<string, any> = {};
  const walk = (elements: any[] = []) => {
    for (const e of elements) {
      if (e.type?.startsWith('Input.')) out[e.id] = e;
      if (e.type === 'Container') walk(e.items);
    }
  };
  walk(card.body);
  for (const a of card.actions ?? []) if (a.type === 'Action.ShowCard') walk(a.card.body);
  return out;
}

/** The data a click on the button with `verb` sends (its Action.Execute data), plus what was typed into the card. */
export function clickData(card: any, verb: string, typed: Record<string, string> = {}): Record<string, string> {
  const find = (actions: any[] = []): any => {
    for (const a of actions) {
      const hit = a.type === 'Action.ShowCard' ? find(a.card.actions) : a.verb === verb ? a : null;
      if (hit) return hit;
    }
    return null;
  };
  const action = find(card.actions);
  if (!action) throw new Error(`no ${verb} button on the card; it has ${verbsOf(card).join(', ') || 'none'}`);
  return { ...action.data, ...typed };
}
