import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../core/index';
import type { DomainRules, DomainRulesRepository } from '../../core/index';
import { unique } from '../integration/db/fixtures';

/** What DomainRulesRepository promises (core/ports/domain-rules-repository.port.ts), for InMemoryDomainRules and adapters/db. */
export function describeDomainRulesRepository(name: string, make: () => Promise<DomainRulesRepository>) {
  describe(name, () => {
    it('finds nothing for a domain that never had rules set', async () => {
      const rules = await make();
      expect(await rules.find(`never-${unique()}.example`)).toBeNull();
    });

    it('keeps each rule, skipped steps (null), groups and users included', async () => {
      const rules = await make();
      const domain = `rules-${unique()}.example`;
      const set: DomainRules = {
        domain,
        isAuthorizationRequiredForAddOrder: false,
        isAuthorizationRequiredForChangeOrder: true,
        isAuthorizationRequiredForCancelOrder: true,
        phoneAssignmentDoneBy: { kind: 'user', email: 'Sam.Assigner@Acme-Partner.example' },
        phoneShippingDoneBy: { kind: 'group', role: 'Shipping' },
        phoneReceiptDoneBy: null,
        allowAuthorToApprove: true,
      };
      await rules.save(set);
      expect(await rules.find(domain)).toEqual(set);
    });

    it('replaces a domain’s rules whole, leaving other domains alone', async () => {
      const rules = await make();
      const a = `a-${unique()}.example`;
      const b = `b-${unique()}.example`;
      await rules.save(DEFAULT_RULES(a));
      await rules.save(DEFAULT_RULES(b));
      const changed: DomainRules = {
        ...DEFAULT_RULES(a),
        isAuthorizationRequiredForAddOrder: false,
        phoneAssignmentDoneBy: null,
        phoneReceiptDoneBy: { kind: 'group', role: 'Receiving' },
      };
      await rules.save(changed);
      expect(await rules.find(a)).toEqual(changed);
      expect(await rules.find(b)).toEqual(DEFAULT_RULES(b));
    });
  });
}
