import type { Assignee, DomainRules } from '../../core/index';
import { fieldLabel } from './labels';

export type RuleField = keyof Omit<DomainRules, 'domain'>;

/**
 * The business rules people see by their label-table words ("Approval needed for Add
 * orders"), type by a short key (`add-approval`), and may still type by the name the
 * seed gives them ("Processing Orders"; Business Rules, page 11-2), which a card would
 * break mid-word.
 */
const RULE_WORDS: Record<RuleField, { key: string; seedName: string }> = {
  isAuthorizationRequiredForAddOrder: { key: 'add-approval', seedName: 'IsAuthorizationRequiredForAddOrder' },
  isAuthorizationRequiredForChangeOrder: { key: 'change-approval', seedName: 'IsAuthorizationRequiredForChangeOrder' },
  isAuthorizationRequiredForCancelOrder: { key: 'cancel-approval', seedName: 'IsAuthorizationRequiredForCancelOrder' },
  phoneAssignmentDoneBy: { key: 'assignment-by', seedName: 'PhoneAssignmentDoneBy' },
  phoneShippingDoneBy: { key: 'shipping-by', seedName: 'PhoneShippingDoneBy' },
  phoneReceiptDoneBy: { key: 'receipt-by', seedName: 'PhoneReceiptDoneBy' },
  allowAuthorToApprove: { key: 'author-approves', seedName: 'AllowAuthorToApprove' },
};

export const RULE_FIELDS = Object.keys(RULE_WORDS) as RuleField[];

/** "Approval needed for Add orders": the one label table's words. */
export const ruleLabel = (field: RuleField): string => fieldLabel(field);

/** "add-approval": what `rules <domain> set` takes. */
export const ruleKey = (field: RuleField): string => RULE_WORDS[field].key;

/** The rule a typed word names: its short key, the seed's name or the field's name, in any case. */
export function ruleFieldOf(word: string): RuleField | undefined {
  const w = word.toLowerCase();
  return RULE_FIELDS.find((f) => [RULE_WORDS[f].key, RULE_WORDS[f].seedName, f].some((name) => name.toLowerCase() === w));
}

export const isDoneByRule = (field: RuleField): field is 'phoneAssignmentDoneBy' | 'phoneShippingDoneBy' | 'phoneReceiptDoneBy' =>
  field.endsWith('DoneBy');

/** A DoneBy value as `rules <domain> set` takes it: none, group:<Role> or an email address. */
export const doneByWord = (assignee: Assignee | null): string =>
  assignee === null ? 'none' : assignee.kind === 'group' ? `group:${assignee.role}` : assignee.email;

/** How to change a rule, for the footnote of `rules` and the usage line of `rules set`. */
export function ruleKeysText(): string {
  const keys = (yesNo: boolean) =>
    RULE_FIELDS.filter((f) => isDoneByRule(f) !== yesNo)
      .map(ruleKey)
      .join(', ');
  return `${keys(true)} take true or false; ${keys(false)} take none, group:<Role> or an email address`;
}
