import type { CustomerUser, CustomerUserClaim, CustomerUserOutcome, CustomerUserRepository } from '../../core/index';

const key = (customerId: string, email: string) => `${customerId}\n${email.toLowerCase()}`;

/** Customer users in memory with the database's rule: one per customer and email, claimed again only when refused or failed. */
export class InMemoryCustomerUsers implements CustomerUserRepository {
  readonly users = new Map<string, CustomerUser>();

  async claim(user: CustomerUser): Promise<CustomerUserClaim> {
    const k = key(user.customerId, user.email);
    const existing = this.users.get(k);
    if (existing && existing.status !== 'refused' && existing.status !== 'error')
      return { claimed: false, user: structuredClone(existing) };
    const stored = { ...structuredClone(user), createdAt: existing?.createdAt ?? user.createdAt };
    this.users.set(k, stored);
    return { claimed: true, user: structuredClone(stored) };
  }
  async record(customerId: string, email: string, outcome: CustomerUserOutcome) {
    const u = this.users.get(key(customerId, email));
    if (u) Object.assign(u, outcome);
  }
  async find(customerId: string, email: string) {
    const u = this.users.get(key(customerId, email));
    return u ? structuredClone(u) : null;
  }
  async list(customerId: string) {
    // As adapters/db: when first added, then by email.
    const mine = [...this.users.values()].filter((u) => u.customerId === customerId);
    return structuredClone(
      mine.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.email < b.email ? -1 : a.email > b.email ? 1 : 0)),
    );
  }
}
