/**
 * Where customer organizations are created and their users provisioned: the Webex
 * Wholesale provisioning API, or the embedded simulator that `npm start` uses when
 * no WEBEX_ACCESS_TOKEN is configured. Shapes follow the API's public OpenAPI
 * description; the adapter maps them, so the core never sees raw JSON.
 *
 * Seed (Partner Hub, "Provision Customer Organization Task Flow"): configure an
 * onboarding template, create the customer, then set it up by adding users and locations.
 */

/** Customer packages the API accepts. `cisco_calling_plan` and `attendant_console` are add-ons needing a calling package. */
export const WEBEX_PACKAGES = [
  'webex_calling',
  'webex_meetings',
  'webex_suite',
  'webex_voice',
  'cx_essentials',
  'webex_calling_standard',
  'attendant_console',
  'cx_premium_agent',
  'cx_standard_agent',
  'common_area_calling',
  'cisco_calling_plan',
] as const;
export type WebexPackage = (typeof WEBEX_PACKAGES)[number];

/** A postal address; every line at most 50 characters, `country` ISO 3166 alpha-2. */
export interface PostalAddress {
  addressLine1: string;
  addressLine2?: string;
  city: string;
  stateOrProvince?: string;
  postalCode?: string;
  country: string;
}

/** One finding of the backend's precheck, in words (the code is kept for logs). */
export interface PrecheckFinding {
  code: string;
  message: string;
}

export type PrecheckResult = { ok: true } | { ok: false; findings: PrecheckFinding[] };

export interface CreateCustomerRequest {
  /** The onboarding template's Provisioning ID. */
  provisioningId: string;
  packages: WebexPackage[];
  /** Our own customer id, so a retried create is recognised as the same customer. */
  externalId: string;
  address: PostalAddress;
  customerInfo: { name: string; primaryEmail: string; language?: string };
  /** Required when a calling package is chosen: the headquarters becomes the first calling location. */
  callingLocation?: { name: string; address: PostalAddress; timezone: string; language: string; emergencyLocationIdentifier?: string };
}

export type RemoteCustomerStatus =
  | 'provisioning'
  | 'updating'
  | 'deleting'
  | 'provisioned'
  | 'provisioned_with_errors'
  | 'error'
  | 'pending_rpl_review';

export interface RemoteProblem {
  code: string;
  description: string;
}

export interface RemotePackageState {
  name: string;
  status: string;
  warnings: RemoteProblem[];
  errors: RemoteProblem[];
}

export interface RemoteCustomer {
  /** The customer id: the last path segment of the `Location` the create answered with. */
  id: string;
  status: RemoteCustomerStatus;
  /** Only once provisioned: the Webex organization, recorded as `organizationId` on the order lines it onboards. */
  orgId?: string;
  packages: RemotePackageState[];
}

export interface CreateLocationRequest {
  orgId: string;
  name: string;
  address: PostalAddress;
  timezone: string;
  language: string;
}

export interface CreateSubscriberRequest {
  customerId: string;
  email: string;
  package: WebexPackage;
  firstName: string;
  lastName: string;
  /** E.164. */
  primaryPhoneNumber?: string;
  extension?: string;
  locationId?: string;
}

export type SubscriberOutcome =
  | { status: 'provisioned'; subscriberId: string }
  /** The email belongs to a free Webex account: the user must consent to the move. */
  | { status: 'pending_user_migration'; subscriberId: string }
  /** Refused for good (10022: the email already belongs to a user; a bad number; …). */
  | { status: 'refused'; code: string; message: string };

/**
 * The backend could not answer now (429/423 past the adapter's own waiting, 5xx,
 * network): the caller keeps the work and tries again later; nothing was created.
 */
export class ProvisioningUnavailable extends Error {
  constructor(
    readonly reason: string,
    readonly retryAfterMs?: number,
  ) {
    super(reason);
    this.name = 'ProvisioningUnavailable';
  }
}

export interface CustomerProvisioning {
  /** `POST /wholesale/customers/validate`: may this customer be created here? */
  precheck(request: { address: PostalAddress; customerName?: string; primaryEmail?: string }): Promise<PrecheckResult>;
  /** `POST /wholesale/customers`: asynchronous; poll `getCustomer` until the status settles. */
  createCustomer(request: CreateCustomerRequest): Promise<{ customerId: string }>;
  /** `GET /wholesale/customers/{id}`. */
  getCustomer(customerId: string): Promise<RemoteCustomer>;
  /** A branch location in the customer's organization. */
  createLocation(request: CreateLocationRequest): Promise<{ locationId: string }>;
  /** `POST /wholesale/subscribers`. */
  createSubscriber(request: CreateSubscriberRequest): Promise<SubscriberOutcome>;
  /** `POST /wholesale/subscribers/{id}/emails/consentMove`. */
  resendConsentEmail(subscriberId: string): Promise<void>;
}

/**
 * The backend refused the request for good (a 4xx with its reasons): retrying the same
 * request will not help. `message` is a plain sentence for people; `problems` keep the
 * backend's codes for logs and for decisions.
 */
export class ProvisioningRefused extends Error {
  constructor(
    message: string,
    readonly problems: RemoteProblem[] = [],
  ) {
    super(message);
    this.name = 'ProvisioningRefused';
  }
}
