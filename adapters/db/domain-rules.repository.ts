import type { Assignee, DomainRules, DomainRulesRepository } from '../../core/index';
import type { DomainRules as RulesRow } from '../../prisma/generated/sqlite/client';
import { fromJsonText, toJsonText } from './json-column';
import type { DbClient } from './prisma-client';

// A `...DoneBy` rule of null skips its step: stored as SQL NULL, not as JSON 'null'.
const toAssignee = (text: string | null) => (text === null ? null : fromJsonText<Assignee>(text));
const fromAssignee = (assignee: Assignee | null) => (assignee === null ? null : toJsonText(assignee));

function toRules(row: RulesRow): DomainRules {
  return {
    domain: row.domain,
    isAuthorizationRequiredForAddOrder: row.isAuthorizationRequiredForAddOrder,
    isAuthorizationRequiredForChangeOrder: row.isAuthorizationRequiredForChangeOrder,
    isAuthorizationRequiredForCancelOrder: row.isAuthorizationRequiredForCancelOrder,
    phoneAssignmentDoneBy: toAssignee(row.phoneAssignmentDoneBy),
    phoneShippingDoneBy: toAssignee(row.phoneShippingDoneBy),
    phoneReceiptDoneBy: toAssignee(row.phoneReceiptDoneBy),
    allowAuthorToApprove: row.allowAuthorToApprove,
  };
}

export function createDomainRulesRepository(db: DbClient): DomainRulesRepository {
  return {
    async find(domain) {
      const row = await db.domainRules.findUnique({ where: { domain } });
      return row ? toRules(row) : null;
    },

    async save(rules) {
      // Fields picked one by one: a value typed DomainRules may carry other keys at runtime.
      const data = {
        isAuthorizationRequiredForAddOrder: rules.isAuthorizationRequiredForAddOrder,
        isAuthorizationRequiredForChangeOrder: rules.isAuthorizationRequiredForChangeOrder,
        isAuthorizationRequiredForCancelOrder: rules.isAuthorizationRequiredForCancelOrder,
        phoneAssignmentDoneBy: fromAssignee(rules.phoneAssignmentDoneBy),
        phoneShippingDoneBy: fromAssignee(rules.phoneShippingDoneBy),
        phoneReceiptDoneBy: fromAssignee(rules.phoneReceiptDoneBy),
        allowAuthorToApprove: rules.allowAuthorToApprove,
      };
      await db.domainRules.upsert({ where: { domain: rules.domain }, create: { domain: rules.domain, ...data }, update: data });
    },
  };
}
