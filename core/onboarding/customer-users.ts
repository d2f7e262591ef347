import type { WebexPackage } from '../ports/customer-provisioning.port';

/**
 * Set up Customer, "Add users": each user with a package and a location, a phone number
 * and/or extension when the package includes calling, and optionally an administrator role.
 */
export const ADMIN_ROLES = ['Full Administrator', 'Read-only Administrator', 'Contact Center Administrator'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export const CUSTOMER_USER_STATUSES = ['creating', 'provisioned', 'pending_user_migration', 'refused', 'error'] as const;
export type CustomerUserStatus = (typeof CUSTOMER_USER_STATUSES)[number];

/** What a caller sees for each user: `creating` never leaves the core (another request holds that user). */
export type CustomerUserResultStatus = Exclude<CustomerUserStatus, 'creating'>;

export interface CustomerUserResult {
  email: string;
  status: CustomerUserResultStatus;
  /** One plain sentence. */
  message: string;
}

export interface CustomerUser {
  customerId: string;
  /** Lower case: one user per customer and email. */
  email: string;
  firstName: string;
  lastName: string;
  package: WebexPackage;
  locationId: string;
  phoneNumber: string | null;
  extension: string | null;
  adminRole: AdminRole | null;
  status: CustomerUserStatus;
  /** Webex's subscriber id, once created (needed to resend the consent email). */
  subscriberId: string | null;
  /** Why it was refused or failed, in words. */
  message: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Users whose creation is done for good: a retried batch skips them. */
export const DONE_STATUSES: readonly CustomerUserStatus[] = ['provisioned', 'pending_user_migration'];
