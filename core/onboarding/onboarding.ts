import type { Channel } from '../provisioning/provisioning';
import type { PostalAddress, WebexPackage } from '../ports/customer-provisioning.port';

/**
 * Onboarding (partner-hub-provision-customer): "Before you provision a customer, you
 * must set up a Onboarding template"; one template serves many customers; a customer
 * is created from a template, then set up with locations and users.
 */

export const AUTHENTICATION_METHODS = ['webex', 'sso'] as const;
export type AuthenticationMethod = (typeof AUTHENTICATION_METHODS)[number];

/** Add-ons the API accepts only beside a calling package. */
export const ADD_ON_PACKAGES: readonly WebexPackage[] = ['cisco_calling_plan', 'attendant_console'];
/** Packages that bring Webex Calling: the headquarters becomes the first calling location. */
export const CALLING_PACKAGES: readonly WebexPackage[] = [
  'webex_calling',
  'webex_calling_standard',
  'webex_suite',
  'webex_voice',
  'common_area_calling',
];

export interface CreatedBy {
  name: string;
  email: string | null;
  channel: Channel;
  platformUserId: string | null;
}

export interface OnboardingTemplate {
  id: string;
  domain: string;
  name: string;
  subscriptionId: string;
  authenticationMethod: AuthenticationMethod;
  pstnVendor: string | null;
  language: string;
  timezone: string;
  packages: WebexPackage[];
  /** "copy the Provisioning ID value. You'll need this value when you provision a customer organization." */
  provisioningId: string;
  createdBy: { name: string; email: string | null };
  createdAt: Date;
}

export type TemplateWithCount = OnboardingTemplate & { customerCount: number };

/** pending_compliance_review is the API's pending_rpl_review (a restricted-party list review). */
export const CUSTOMER_STATUSES = ['provisioning', 'provisioned', 'provisioned_with_errors', 'error', 'pending_compliance_review'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export interface PackageResult {
  name: string;
  status: string;
  /** The backend's errors and warnings for this package, in its words. */
  reasons: string[];
}

export interface CustomerLocation {
  id: string;
  customerId: string;
  name: string;
  address: PostalAddress;
  remoteLocationId: string | null;
  headquarters: boolean;
  createdAt: Date;
}

export interface Customer {
  id: string;
  domain: string;
  name: string;
  adminEmail: string;
  templateId: string;
  packages: WebexPackage[];
  status: CustomerStatus;
  packageResults: PackageResult[];
  remoteCustomerId: string | null;
  /** Only once provisioned: the Webex organization. */
  orgId: string | null;
  /** The CCW subscription this customer was created for: its orders reach the PONR once provisioned. */
  subscriptionId: string | null;
  createdBy: CreatedBy;
  createdAt: Date;
  updatedAt: Date;
  /** The headquarters first, then the others in the order they were added. */
  locations: CustomerLocation[];
}

export type NewCustomer = Omit<Customer, 'locations' | 'updatedAt'> & { headquarters: CustomerLocation };

/** The statuses the poll keeps asking about: a compliance review can still end either way. */
export const UNSETTLED_STATUSES: readonly CustomerStatus[] = ['provisioning', 'pending_compliance_review'];
