import type { DomainRules } from '../orders/model/work-order';

export interface DomainRulesRepository {
  /** Null when the domain never had rules set: the core then uses DEFAULT_RULES. */
  find(domain: string): Promise<DomainRules | null>;
  save(rules: DomainRules): Promise<void>;
}
