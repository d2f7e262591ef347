import { CoreError } from '../errors';
import type { GroupName } from './notification-settings';
import { problem } from '../validation-problems';
import type { ChatDestination, SmtpSettings } from './notification-settings';
import type { SmtpInput } from './notification-settings.schemas';

/** Where a group's settings sit in a document: a domain (or template) group, or the system's Administration group. */
export type GroupPath = `groups.${GroupName}` | 'administration';

/**
 * What `notify set ... key=value` changes. The chat command names a few fields; the
 * stored settings supply the rest, and the whole is validated as the API's documents
 * are (notification-settings.schemas.ts). Values are as typed: the schemas judge them.
 */
export interface GroupEdits {
  /** `emails=`: the new list ("External email addresses"). */
  emails?: string[];
  addEmails?: string[];
  removeEmails?: string[];
  events?: string[];
  aggregationMinutes?: number | null;
  escalationMinutes?: number | null;
}

/** "Mail Server Name, Port, User Name, User Password, From address"; null clears the optional ones. */
export interface SmtpEdits {
  host?: string;
  port?: number | null;
  user?: string | null;
  password?: string | null;
  from?: string;
}

export interface ContentUrlEdits {
  protocol?: string;
  host?: string;
  port?: number | null;
}

const defined = <T extends object>(edits: T): Partial<T> =>
  Object.fromEntries(Object.entries(edits).filter(([, v]) => v !== undefined)) as Partial<T>;
const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A group with the edits applied, not yet validated. Removing an address the list does not hold is a mistake worth telling. */
export function editGroup<G extends { externalEmails: string[] }>(group: G, edits: GroupEdits, path: GroupPath): Record<string, unknown> {
  const { emails, addEmails = [], removeEmails = [], events, aggregationMinutes, escalationMinutes } = edits;
  const list = [...(emails ?? group.externalEmails), ...addEmails];
  const missing = removeEmails.filter((r) => !list.some((e) => sameAddress(e, r)));
  if (missing.length)
    throw new CoreError('VALIDATION_FAILED', { fields: missing.map((m) => problem(`${path}.externalEmails`, `${m} is not on the list`)) });
  const externalEmails = list.filter((e) => !removeEmails.some((r) => sameAddress(e, r)));
  return { ...group, externalEmails, ...defined({ events, aggregationMinutes, escalationMinutes }) };
}

/**
 * SMTP settings with the edits over the stored ones; without stored ones, the edits must
 * be complete (host and from). The stored password is left out: whether it goes with
 * the result is for resolveSmtp to say, which binds it to its server and user.
 */
export function editSmtp(current: SmtpSettings | null, edits: SmtpEdits): Record<string, unknown> {
  const { password: _stored, ...kept } = current ?? {};
  return { ...kept, ...defined(edits) };
}

export function editContentUrl(current: object | null, edits: ContentUrlEdits): Record<string, unknown> {
  return { ...(current ?? {}), ...defined(edits) };
}

/**
 * The SMTP settings to store (or test) from validated input. A password typed is used;
 * null or empty clears it. A password left out keeps the stored one (GET never shows
 * it, so a document read and sent back has none) only for the host, port and user it
 * was saved for: sent anywhere else, it would log whoever runs that server in with it.
 * Another server, port or user without a password typed has none.
 */
export function resolveSmtp(input: SmtpInput | null, previous: SmtpSettings | null): SmtpSettings | null {
  if (!input) return null;
  const login = { host: input.host, port: input.port, user: input.user };
  const kept = previous && sameLogin(login, previous) ? previous.password : null;
  const password = input.password === undefined ? kept : input.password || null;
  return { ...login, password, from: input.from };
}

/**
 * "Send test email" with a user name but no password because the saved one is bound to
 * another server, port or user: refused, so the administrator types it (a login without
 * it would only be refused, and say nothing about the settings).
 */
export function assertTestHasPassword(input: SmtpInput | null, previous: SmtpSettings | null): void {
  const tested = resolveSmtp(input, previous);
  if (!tested?.user || tested.password || !previous?.password || input?.password !== undefined) return;
  throw new CoreError('VALIDATION_FAILED', {
    fields: [
      problem(
        'smtp.password',
        'Type it to test another server, port or user name (password=...); the saved password is only sent to the server, port and user name it was saved for',
      ),
    ],
  });
}

const sameLogin = (a: Pick<SmtpSettings, 'host' | 'port' | 'user'>, b: Pick<SmtpSettings, 'host' | 'port' | 'user'>): boolean =>
  a.host.trim().toLowerCase() === b.host.trim().toLowerCase() && a.port === b.port && (a.user?.trim() || null) === (b.user?.trim() || null);

/**
 * A settings document may keep or drop chat destinations, never add one: a channel is
 * registered from inside it (`notify channel here`), where the adapter wrote its
 * address. An address from an API body could point the bot's credentials anywhere.
 */
export function assertOnlyRegisteredChannels(registered: ChatDestination[], given: ChatDestination[], group: GroupPath): void {
  const unknown = given.filter((d) => !registered.some((r) => r.platform === d.platform && r.address === d.address));
  if (unknown.length === 0) return;
  throw new CoreError('VALIDATION_FAILED', {
    fields: [
      problem(
        `${group}.chatDestinations`,
        `${unknown.map((d) => `"${d.label}"`).join(', ')} is not registered; register a channel by typing "notify channel here" in it (a document may only keep or remove channels)`,
      ),
    ],
  });
}
