import type { PostedMessage } from '../access/access-request';
import type { OutboxWrites } from '../notifications/delivery';
import type {
  Customer,
  CustomerLocation,
  CustomerStatus,
  NewCustomer,
  OnboardingTemplate,
  PackageResult,
  TemplateWithCount,
} from '../onboarding/onboarding';

/** Which domains a listing covers: every domain (an administrator of '*', the API) or these. */
export type DomainScope = 'all' | string[];

export interface TemplateRepository {
  /** Throws CoreError CONFLICT when the domain already has a template of that name (any case). */
  create(template: OnboardingTemplate): Promise<OnboardingTemplate>;
  findById(id: string): Promise<OnboardingTemplate | null>;
  /** By name within a domain, any case. */
  findByName(domain: string, name: string): Promise<OnboardingTemplate | null>;
  /** Each with how many customers use it, by domain then name. */
  list(scope: DomainScope): Promise<TemplateWithCount[]>;
  countCustomers(templateId: string): Promise<number>;
}

export interface CustomerSettlement {
  status: CustomerStatus;
  packageResults: PackageResult[];
  orgId: string | null;
  updatedAt: Date;
}

export interface CustomerRepository {
  /** The customer with its headquarters location and the notices its creation causes, all or nothing. */
  create(customer: NewCustomer, writes?: OutboxWrites): Promise<Customer>;
  findById(id: string): Promise<Customer | null>;
  /** Newest first. */
  list(scope: DomainScope): Promise<Customer[]>;
  /** Customers in one of `statuses` with a remote id, oldest update first (the poll). */
  listByStatus(statuses: readonly CustomerStatus[], limit: number): Promise<Customer[]>;
  /** The customers whose administrator (the email given at creation) this is, any case; newest first. */
  listByAdminEmail(email: string): Promise<Customer[]>;
  /**
   * Records what the poll found, only while the customer is still in `from` (so of two
   * processes polling at once one records it), with the notices it causes in the same
   * transaction. False when someone else recorded it first.
   */
  settle(id: string, from: CustomerStatus, settlement: CustomerSettlement, writes: OutboxWrites): Promise<boolean>;
  addLocation(location: CustomerLocation): Promise<CustomerLocation>;
  /** Where the creator's status message was posted: the outbox stores each when it is sent (OutboxRepository.markSent). */
  listPostedMessages(customerId: string): Promise<PostedMessage[]>;
}
