import type { Assignee, DomainRules, Role } from '../../../core/index';
import { ROLES, ZEmail } from '../../../core/index';
import { ArgumentProblem, parseWord, stripMailto, stripSlackLink, ZDomain } from './command-words';
import type { RuleField } from '../../presenters/domain-rule-names';
import { isDoneByRule, ruleFieldOf, ruleKey, ruleKeysText, ruleLabel } from '../../presenters/domain-rule-names';

export type RulesCommand =
  | { kind: 'rules'; domain: string }
  | { kind: 'set-rules'; domain: string; changes: Partial<Omit<DomainRules, 'domain'>> };

const USAGE = 'rules <domain> [set <rule> <value>]';

/** `rules <domain>` shows them; `rules <domain> set <RuleName> <value>` changes one. */
export function parseRulesArgs(args: string[]): RulesCommand {
  const [domainWord, setWord, ruleWord, ...valueWords] = args;
  if (domainWord === undefined) throw new ArgumentProblem(`"rules" takes a domain: ${USAGE}.`);
  const domain = parseWord(ZDomain, stripSlackLink(domainWord), 'domain');
  if (setWord === undefined) return { kind: 'rules', domain };
  if (setWord.toLowerCase() !== 'set')
    throw new ArgumentProblem(`After the domain, "rules" takes "set <rule> <value>"; got "${setWord.slice(0, 40)}".`);
  if (ruleWord === undefined || valueWords.length === 0)
    throw new ArgumentProblem(`"rules ${domain} set" takes a rule name and a value: ${USAGE}.`);
  const field = ruleField(ruleWord);
  return { kind: 'set-rules', domain, changes: { [field]: ruleValue(field, valueWords.join(' ')) } };
}

function ruleField(word: string): RuleField {
  const field = ruleFieldOf(word);
  if (!field) throw new ArgumentProblem(`"${word.slice(0, 60)}" is not a rule: ${ruleKeysText()}.`);
  return field;
}

function ruleValue(field: RuleField, value: string): boolean | Assignee | null {
  const name = `${ruleLabel(field)} (${ruleKey(field)})`;
  if (!isDoneByRule(field)) {
    const v = value.toLowerCase();
    if (v !== 'true' && v !== 'false') throw new ArgumentProblem(`${name} takes true or false; got "${value.slice(0, 40)}".`);
    return v === 'true';
  }
  // "A ...DoneBy rule of null skips the step."
  if (value.toLowerCase() === 'none') return null;
  const group = /^group:\s*(.+)$/i.exec(value);
  if (group) return { kind: 'group', role: role(group[1]!) };
  const email = stripMailto(value);
  if (email.includes('@') && !/\s/.test(email)) return { kind: 'user', email: parseWord(ZEmail, email, 'email') };
  throw new ArgumentProblem(`${name} takes none, group:<Role> or an email address; got "${value.slice(0, 60)}".`);
}

function role(word: string): Role {
  const hit = ROLES.find((r) => r.toLowerCase() === word.trim().toLowerCase());
  if (!hit) throw new ArgumentProblem(`"${word.slice(0, 40)}" is not a role; the roles are ${ROLES.join(', ')}.`);
  return hit;
}
