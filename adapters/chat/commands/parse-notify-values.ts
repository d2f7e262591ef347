import type { ContentUrlEdits, GroupEdits, SmtpEdits } from '../../../core/index';
import { GROUP_NAMES } from '../../../core/index';
import type { Pair } from './command-words';
import { ArgumentProblem, compact, stripMailto } from './command-words';

/**
 * The key=value words of `notify set` as edits for the core. This only reads the words
 * ("30m" is 30 minutes, "off" is Not Set); whether a value is allowed (an address, a
 * window up to a week, a port) is the core's check, the same as for the API.
 */

/** "Not Set" as people type it. */
const OFF = new Set(['off', 'none', 'notset', '']);

const show = (v: string) => `"${v.slice(0, 60)}"`;

/** 30m, 2h, 1d (or a bare number of minutes); off for the seed's "<Not Set>". */
export function parseWindow(value: string, key: string): number | null {
  if (OFF.has(compact(value))) return null;
  const m = /^(\d{1,6})\s*(m|mins?|minutes?|h|hours?|d|days?)?$/i.exec(value.trim());
  if (!m) throw new ArgumentProblem(`${key} takes a window like 30m, 2h or 1d, or off; got ${show(value)}.`);
  const unit = (m[2] ?? 'm').charAt(0).toLowerCase();
  return Number(m[1]) * (unit === 'd' ? 1440 : unit === 'h' ? 60 : 1);
}

/** A comma (or space) separated list of addresses; Slack may have made each a mailto link. */
export const parseAddresses = (value: string): string[] =>
  value
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(stripMailto);

/** Events by the names people type: "approval" is the Approval event; anything else goes to the core as typed, to be refused there. */
function parseEvents(value: string, system: boolean): string[] {
  if (OFF.has(compact(value))) return [];
  return value
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((word) => (system ? word.toLowerCase() : (GROUP_NAMES.find((g) => g.toLowerCase() === word.toLowerCase()) ?? word)));
}

function parseNumberOrOff(value: string, key: string, what: string): number | null {
  if (OFF.has(compact(value)) || compact(value) === 'default') return null;
  if (!/^\d{1,6}$/.test(value.trim())) throw new ArgumentProblem(`${key} takes ${what}; got ${show(value)}.`);
  return Number(value.trim());
}

/** Each key once (add-email and remove-email may repeat); unknown keys are named with the ones allowed. */
function keyed(pairs: Pair[], keys: Record<string, string>, repeatable: string[] = []): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { key, value } of pairs) {
    const name = keys[compact(key)];
    if (!name)
      throw new ArgumentProblem(
        `"${key.slice(0, 40)}" is not a setting here; the settings are ${[...new Set(Object.values(keys))].join(', ')}.`,
      );
    if (out.has(name) && !repeatable.includes(name)) throw new ArgumentProblem(`${name} is given twice.`);
    out.set(name, [...(out.get(name) ?? []), value]);
  }
  return out;
}

const GROUP_KEYS: Record<string, string> = {
  emails: 'emails',
  email: 'emails',
  addemail: 'add-email',
  addemails: 'add-email',
  removeemail: 'remove-email',
  removeemails: 'remove-email',
  events: 'events',
  event: 'events',
  aggregation: 'aggregation',
  aggregationwindow: 'aggregation',
  escalation: 'escalation',
  escalationwindow: 'escalation',
};

/** "Apply to all domains" / "Apply to domain template only". */
const APPLY: Record<string, 'template' | 'all'> = { all: 'all', alldomains: 'all', template: 'template', templateonly: 'template' };

/** `emails=a@x.com,b@y.com add-email= remove-email= events= aggregation=30m escalation=2h` (+ `apply=` for the template). */
export function parseGroupEdits(
  pairs: Pair[],
  o: { system: boolean; template: boolean },
): { edits: GroupEdits; applyTo?: 'template' | 'all' } {
  const keys = { ...GROUP_KEYS, ...(o.template ? { apply: 'apply' } : {}) };
  const v = keyed(pairs, keys, ['add-email', 'remove-email']);
  const one = (k: string) => v.get(k)?.[0];
  const edits: GroupEdits = {};
  if (v.has('emails')) edits.emails = parseAddresses(one('emails')!);
  if (v.has('add-email')) edits.addEmails = v.get('add-email')!.flatMap(parseAddresses);
  if (v.has('remove-email')) edits.removeEmails = v.get('remove-email')!.flatMap(parseAddresses);
  if (v.has('events')) edits.events = parseEvents(one('events')!, o.system);
  if (v.has('aggregation')) edits.aggregationMinutes = parseWindow(one('aggregation')!, 'aggregation');
  if (v.has('escalation')) {
    if (o.system) throw new ArgumentProblem('escalation is for the domain groups only: system events are not escalated.');
    edits.escalationMinutes = parseWindow(one('escalation')!, 'escalation');
  }
  const apply = one('apply');
  if (apply === undefined) return { edits };
  const applyTo = APPLY[compact(apply)];
  if (!applyTo)
    throw new ArgumentProblem(`apply takes all (apply to all domains) or template (apply to domain template only); got ${show(apply)}.`);
  return { edits, applyTo };
}

const SMTP_KEYS: Record<string, string> = {
  host: 'host',
  server: 'host',
  port: 'port',
  user: 'user',
  username: 'user',
  password: 'password',
  from: 'from',
  fromaddress: 'from',
};

/** `host=mailer.company.com port=587 user=... password=... from=...`; an empty user or password clears it. */
export function parseSmtpEdits(pairs: Pair[]): SmtpEdits {
  const v = keyed(pairs, SMTP_KEYS);
  const one = (k: string) => v.get(k)?.[0];
  const edits: SmtpEdits = {};
  if (v.has('host')) edits.host = one('host')!;
  if (v.has('port')) edits.port = parseNumberOrOff(one('port')!, 'port', 'a port number from 1 to 65535, or default');
  if (v.has('user')) edits.user = one('user') || null;
  if (v.has('password')) edits.password = one('password') || null;
  if (v.has('from')) edits.from = stripMailto(one('from')!);
  return edits;
}

/** "Email Content URL Parameters": `protocol=https host=prov.example.com port=8443`. */
export function parseContentUrlEdits(pairs: Pair[]): ContentUrlEdits {
  const v = keyed(pairs, { protocol: 'protocol', host: 'host', port: 'port' });
  const edits: ContentUrlEdits = {};
  if (v.has('protocol')) edits.protocol = v.get('protocol')![0]!.toLowerCase();
  if (v.has('host')) edits.host = v.get('host')![0]!;
  if (v.has('port')) edits.port = parseNumberOrOff(v.get('port')![0]!, 'port', 'a port number from 1 to 65535, or default');
  return edits;
}

/** `days=3` or `days=off`. */
export function parseReminderDays(pairs: Pair[]): number | null {
  const v = keyed(pairs, { days: 'days' });
  const days = v.get('days')?.[0];
  if (days === undefined) throw new ArgumentProblem('billing-reminder takes days=<number> or days=off.');
  return parseNumberOrOff(days, 'days', 'a number of days, or off');
}
