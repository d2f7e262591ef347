import type { CustomerUser, CustomerUserStatus } from '../onboarding/customer-users';

export type CustomerUserClaim = { claimed: true; user: CustomerUser } | { claimed: false; user: CustomerUser };

export interface CustomerUserOutcome {
  status: CustomerUserStatus;
  subscriberId: string | null;
  message: string | null;
  updatedAt: Date;
}

export interface CustomerUserRepository {
  /**
   * Records `user` (status `creating`) before Webex is asked, keyed by customer + email:
   * claimed when no row existed or the one there was refused or failed (then replaced);
   * otherwise the row as it is (done, or being created by another request), untouched.
   * Atomic, so of two requests for one user exactly one claims it.
   */
  claim(user: CustomerUser): Promise<CustomerUserClaim>;
  /** What Webex answered for the claimed user. */
  record(customerId: string, email: string, outcome: CustomerUserOutcome): Promise<void>;
  find(customerId: string, email: string): Promise<CustomerUser | null>;
  /** In the order they were first added. */
  list(customerId: string): Promise<CustomerUser[]>;
}
