import type { Assignee, DomainRules } from '../../core/index';

export type RuleField = keyof Omit<DomainRules, 'domain'>;

/**
 * The business rules as the seed names them ("Processing Orders"; Business Rules,
 * page 11-2), and the DomainRules field each one is.
 */
export const RULE_NAMES: Record<RuleField, string> = {
  isAuthorizationRequiredForAddOrder: 'IsAuthorizationRequiredForAddOrder',
  isAuthorizationRequiredForChangeOrder: 'IsAuthorizationRequiredForChangeOrder',
  isAuthorizationRequiredForCancelOrder: 'IsAuthorizationRequiredForCancelOrder',
  phoneAssignmentDoneBy: 'PhoneAssignmentDoneBy',
  phoneShippingDoneBy: 'PhoneShippingDoneBy',
  phoneReceiptDoneBy: 'PhoneReceiptDoneBy',
  allowAuthorToApprove: 'AllowAuthorToApprove',
};

export const RULE_FIELDS = Object.keys(RULE_NAMES) as RuleField[];

export const isDoneByRule = (field: RuleField): field is 'phoneAssignmentDoneBy' | 'phoneShippingDoneBy' | 'phoneReceiptDoneBy' =>
  field.endsWith('DoneBy');

/** A DoneBy value as `rules <domain> set` takes it: none, group:<Role> or an email address. */
export const doneByWord = (assignee: Assignee | null): string =>
  assignee === null ? 'none' : assignee.kind === 'group' ? `group:${assignee.role}` : assignee.email;
