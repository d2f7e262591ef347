import type { DomainRules } from '../../core/index';
import type { RuleField } from './domain-rule-names';
import { doneByWord, isDoneByRule, RULE_FIELDS, ruleKeysText, ruleLabel } from './domain-rule-names';
import type { View } from './view';

/** What each yes-or-no rule means, true and false. */
const BOOLEAN_WORDS: Record<Exclude<RuleField, `${string}DoneBy`>, [string, string]> = {
  isAuthorizationRequiredForAddOrder: ['add orders need approval', 'add orders need no approval'],
  isAuthorizationRequiredForChangeOrder: ['change orders need approval', 'change orders need no approval'],
  isAuthorizationRequiredForCancelOrder: ['cancel orders need approval', 'cancel orders need no approval'],
  allowAuthorToApprove: [
    'whoever placed an order may approve it',
    'whoever placed an order may not approve it while someone else here holds the Approval role',
  ],
};

/** What each DoneBy rule controls ("Processing Orders"). */
const CONTROLS: Record<Extract<RuleField, `${string}DoneBy`>, string> = {
  phoneAssignmentDoneBy: 'who assigns MAC addresses to phones',
  phoneShippingDoneBy: 'who ships phones',
  phoneReceiptDoneBy: 'who confirms phones were received',
};

/** `rules <domain>` and the reply to `rules <domain> set`: every rule, the changed ones marked. */
export function presentDomainRules(rules: DomainRules, options: { changed?: RuleField[]; prefix?: string } = {}): View {
  const changed = options.changed ?? [];
  return {
    title: changed.length > 0 ? `Business rules of ${rules.domain} changed` : `Business rules of ${rules.domain}`,
    tone: changed.length > 0 ? 'success' : 'info',
    paragraphs: [],
    fields: RULE_FIELDS.map((f) => ({ label: ruleLabel(f), value: `${valueText(rules, f)}${changed.includes(f) ? ' (changed)' : ''}` })),
    footnote: `Change one with "${options.prefix ?? ''}rules ${rules.domain} set <rule> <value>": ${ruleKeysText()}.`,
  };
}

function valueText(rules: DomainRules, field: RuleField): string {
  if (!isDoneByRule(field)) {
    const [yes, no] = BOOLEAN_WORDS[field];
    return rules[field] ? `true: ${yes}` : `false: ${no}`;
  }
  const v = rules[field];
  // "A ...DoneBy rule of null skips the step."
  return v === null ? `none: the step is skipped (${CONTROLS[field]})` : `${doneByWord(v)} (${CONTROLS[field]})`;
}
