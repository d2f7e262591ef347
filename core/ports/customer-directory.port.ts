/**
 * What the services setup needs to know of a customer, whoever stores customers
 * (onboarding keeps them; the composition root connects this port to that store).
 */

/** Control Hub administrator roles the seed's role-mapping tables name. */
export const CONTROL_HUB_ROLES = ['Full Administrator', 'Read-only Administrator', 'Contact Center Administrator'] as const;
export type ControlHubRole = (typeof CONTROL_HUB_ROLES)[number];

export interface CustomerAdministrator {
  email: string;
  name: string;
  controlHubRole: ControlHubRole;
}

export interface CustomerForSetup {
  id: string;
  name: string;
  /** The partner domain the customer belongs to: its Administrators may run the wizard. */
  partnerDomain: string;
  /** The administrator email given at creation (the first administrator). */
  adminEmail: string;
  /** The customer's organization domain, the default SIP address name's stem. */
  organizationDomain: string | null;
  /** ISO 3166 alpha-2: the order mapping's (headquarters') country, the wizard's default country of operation. */
  orderCountry: string;
  /** The licences shown on the wizard's Summary page, in words (e.g. "Webex Contact Center Premium Agent × 25"). */
  licences: string[];
  trial: boolean;
  /** "Cisco PSTN for Contact Center" was ordered (United States only). */
  ciscoPstnAddOn: boolean;
  /** Only CCAI services are provisioned: the seed gives no time zone step then. */
  ccaiOnly: boolean;
  administrators: CustomerAdministrator[];
}

export interface CustomerDirectory {
  findCustomerForSetup(customerId: string): Promise<CustomerForSetup | null>;
  /** Customers whose administrator email (or one of whose administrators) is this one. */
  listCustomersAdministeredBy(email: string): Promise<CustomerForSetup[]>;
}
