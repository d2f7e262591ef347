import type {
  DestinationScope,
  DomainChange,
  GroupName,
  SettingsScope,
  SmtpEdits,
  SystemChange,
  TemplateChange,
} from '../../../core/index';
import { GROUP_NAMES, TEMPLATE_SMTP_REFUSAL } from '../../../core/index';
import type { Word } from './command-words';
import { ArgumentProblem, collectPairs, parseWord, splitWords, stripMailto, stripSlackLink, ZDomain } from './command-words';
import { parseContentUrlEdits, parseGroupEdits, parseReminderDays, parseSmtpEdits } from './parse-notify-values';

/**
 * `notify show|set|test|channel`: "Administrators manage all of this" (issue 4) from
 * chat, as the seed's Provisioning Notification Management pages do.
 */
export type NotifyAction =
  | { kind: 'help' }
  | { kind: 'show'; scope: SettingsScope | null }
  | { kind: 'set-domain'; domain: string; change: DomainChange }
  | { kind: 'set-template'; change: TemplateChange; applyTo?: 'template' | 'all' }
  | { kind: 'set-system'; change: SystemChange }
  | { kind: 'test-email'; to: string; scope: { kind: 'system' } | { kind: 'domain'; domain: string }; smtp?: SmtpEdits }
  | { kind: 'test-channel'; scope: DestinationScope }
  | { kind: 'channel'; op: 'here' | 'remove'; scope: DestinationScope }
  /** The outbox: what waits and what died; `retry` sends the dead again, all or the one named. */
  | { kind: 'outbox'; retry: null | { id: string | null } };

export interface NotifyCommand {
  kind: 'notify';
  action: NotifyAction;
}

export const NOTIFY_USAGE = {
  show: 'notify show [system|template|<domain>]',
  set: 'notify set <domain|template|system> <group> key=value ...',
  test: 'notify test <email> [<domain>|system] [smtp key=value ...]',
  channel: 'notify channel here|remove <domain> <group>',
  outbox: 'notify outbox [retry [<id>]]',
};

const DOMAIN_GROUPS: Record<string, GroupName> = Object.fromEntries(GROUP_NAMES.map((g) => [g.toLowerCase(), g]));
const isAdministration = (word: string) => ['administration', 'admin'].includes(word.toLowerCase());

export function parseNotifyArgs(rest: string): NotifyCommand {
  const words = splitWords(rest);
  const sub = words[0]?.text.toLowerCase();
  const args = words.slice(1);
  const action = ((): NotifyAction => {
    switch (sub) {
      case undefined:
      case 'help':
        return { kind: 'help' };
      case 'show':
        return parseShow(args);
      case 'set':
        return parseSet(args);
      case 'test':
        return args[0]?.text.toLowerCase() === 'channel'
          ? { kind: 'test-channel', scope: parseDestinationScope(args.slice(1), 'notify test channel <domain> <group>') }
          : parseTest(args);
      case 'channel':
        return parseChannel(args);
      case 'outbox':
        return parseOutbox(args);
      default:
        throw new ArgumentProblem(
          `"notify" takes show, set, test, channel or outbox; got "${sub.slice(0, 40)}". Say "notify help" for the details.`,
        );
    }
  })();
  return { kind: 'notify', action };
}

function parseOutbox(args: Word[]): NotifyAction {
  const [word, id, ...extra] = args;
  if (!word) return { kind: 'outbox', retry: null };
  if (word.text.toLowerCase() !== 'retry' || extra.length > 0)
    throw new ArgumentProblem(`"notify outbox" takes nothing, "retry", or "retry" and an id: ${NOTIFY_USAGE.outbox}.`);
  if (id && !/^[A-Za-z0-9-]{1,64}$/.test(id.text))
    throw new ArgumentProblem(`"${id.text.slice(0, 40)}" is not an outbox id; "notify outbox" lists each notice given up on with its id.`);
  return { kind: 'outbox', retry: { id: id?.text ?? null } };
}

function parseShow(args: Word[]): NotifyAction {
  if (args.length > 1) throw new ArgumentProblem(`"notify show" takes at most one word: ${NOTIFY_USAGE.show}.`);
  return { kind: 'show', scope: args[0] ? settingsScope(args[0].text) : null };
}

function settingsScope(word: string): SettingsScope {
  const w = word.toLowerCase();
  if (w === 'system' || w === 'template') return { kind: w };
  return { kind: 'domain', domain: domainWord(word) };
}

const domainWord = (word: string) => parseWord(ZDomain, stripSlackLink(word), 'domain (or system, or template)');

function parseSet(args: Word[]): NotifyAction {
  const [scopeWord, sectionWord, ...rest] = args;
  if (!scopeWord || !sectionWord) throw new ArgumentProblem(`"notify set" takes where, what and key=value: ${NOTIFY_USAGE.set}.`);
  const scope = settingsScope(scopeWord.text);
  const section = sectionWord.text.toLowerCase();
  const off = rest.length === 1 && rest[0]!.text.toLowerCase() === 'off';
  const pairs = () => {
    const found = collectPairs(rest, 'emails=ops@example.com');
    if (found.length === 0)
      throw new ArgumentProblem(`Say what to set as key=value, e.g. notify set ${scopeWord.text} ${sectionWord.text} ${example(section)}.`);
    return found;
  };
  if (section === 'smtp') {
    if (scope.kind === 'template')
      throw new ArgumentProblem(`${TEMPLATE_SMTP_REFUSAL}: notify set <domain> smtp ... or notify set system smtp ....`);
    const change = off ? ({ kind: 'smtp-off' } as const) : ({ kind: 'smtp', edits: parseSmtpEdits(pairs()) } as const);
    return scope.kind === 'system' ? { kind: 'set-system', change } : { kind: 'set-domain', domain: scope.domain, change };
  }
  if (scope.kind === 'system') return { kind: 'set-system', change: systemSection(section, off, pairs) };
  if (isAdministration(section))
    throw new ArgumentProblem("The Administration group is the system's: notify set system administration key=value ....");
  const group = DOMAIN_GROUPS[section];
  if (!group)
    throw new ArgumentProblem(
      `"${sectionWord.text.slice(0, 40)}" is not a group; the groups are approval, assignment, shipping, receiving${scope.kind === 'domain' ? ', and smtp for the mail server' : ''}.`,
    );
  const { edits, applyTo } = parseGroupEdits(pairs(), { system: false, template: scope.kind === 'template' });
  if (scope.kind === 'template') return { kind: 'set-template', change: { kind: 'group', group, edits }, ...(applyTo ? { applyTo } : {}) };
  return { kind: 'set-domain', domain: scope.domain, change: { kind: 'group', group, edits } };
}

function systemSection(section: string, off: boolean, pairs: () => ReturnType<typeof collectPairs>): SystemChange {
  if (isAdministration(section))
    return { kind: 'administration', edits: parseGroupEdits(pairs(), { system: true, template: false }).edits };
  if (section === 'url' || section === 'content-url')
    return off ? { kind: 'content-url-off' } : { kind: 'content-url', edits: parseContentUrlEdits(pairs()) };
  if (section === 'billing-reminder') return { kind: 'billing-reminder', days: off ? null : parseReminderDays(pairs()) };
  if (DOMAIN_GROUPS[section])
    throw new ArgumentProblem(
      `The ${DOMAIN_GROUPS[section]} group is a domain's: notify set <domain> ${section} ... or notify set template ${section} ....`,
    );
  throw new ArgumentProblem(
    `"${section.slice(0, 40)}" is not part of the system settings; say administration, smtp, url or billing-reminder.`,
  );
}

const example = (section: string) =>
  section === 'smtp'
    ? 'host=mailer.company.com from=provisioning@company.com'
    : section === 'url'
      ? 'protocol=https host=prov.company.com'
      : section === 'billing-reminder'
        ? 'days=3'
        : 'emails=ops@example.com aggregation=30m';

function parseTest(args: Word[]): NotifyAction {
  const [toWord, ...rest] = args;
  if (!toWord || toWord.eq >= 0)
    throw new ArgumentProblem(
      `"notify test" takes the address to send a test email to: ${NOTIFY_USAGE.test}, or notify test channel <domain> <group>.`,
    );
  let i = 0;
  let scope: { kind: 'system' } | { kind: 'domain'; domain: string } = { kind: 'system' };
  if (rest[i] && rest[i]!.eq < 0 && rest[i]!.text.toLowerCase() !== 'smtp') {
    const s = settingsScope(rest[i]!.text);
    // "Configuring a Domain Notification Template", Step 4 "Click the Test Settings button": the template's mail server is the system's.
    scope = s.kind === 'template' ? { kind: 'system' } : s;
    i += 1;
  }
  if (rest[i]?.text.toLowerCase() === 'smtp') i += 1;
  const pairs = collectPairs(rest.slice(i), 'port=2525');
  const to = stripMailto(toWord.text);
  return pairs.length ? { kind: 'test-email', to, scope, smtp: parseSmtpEdits(pairs) } : { kind: 'test-email', to, scope };
}

function parseChannel(args: Word[]): NotifyAction {
  const op = args[0]?.text.toLowerCase();
  if (op !== 'here' && op !== 'remove')
    throw new ArgumentProblem(`"notify channel" takes here or remove: ${NOTIFY_USAGE.channel} (typed in that channel).`);
  return { kind: 'channel', op, scope: parseDestinationScope(args.slice(1), `notify channel ${op} <domain> <group>`) };
}

/** `<domain> <group>`, or `system [administration]`. */
function parseDestinationScope(args: Word[], usage: string): DestinationScope {
  const [where, groupWord, ...extra] = args;
  if (!where || extra.length) throw new ArgumentProblem(`Say which group: ${usage}, or system administration.`);
  if (where.text.toLowerCase() === 'system') {
    if (groupWord && !isAdministration(groupWord.text)) throw new ArgumentProblem('The system has one group, administration.');
    return { kind: 'system' };
  }
  const domain = domainWord(where.text);
  const group = groupWord && DOMAIN_GROUPS[groupWord.text.toLowerCase()];
  if (!group) throw new ArgumentProblem(`Say which group of ${domain}: approval, assignment, shipping or receiving (${usage}).`);
  return { kind: 'domain', domain, group };
}
