import type { Channel, FieldKey, Subscriber, UserRowField, UserRowKey } from '../../core/index';
import { userRowOf } from '../../core/index';

/**
 * The one table of the words people see for the core's identifiers, used by Slack,
 * Teams and email alike: attribute keys ("macAddress"), channels ("teams") and
 * subscribers. A key missing from a table is put into words, never shown raw.
 */
const ATTRIBUTE_LABELS: Record<string, string> = {
  phoneType: 'Phone type',
  macAddress: 'MAC address',
  deviceName: 'Device name',
  lineType: 'Line type',
  directoryNumber: 'Directory number',
  displayName: 'Display name',
  alias: 'Voicemail alias',
  emailId: 'Email ID',
};

/** "macAddress" → "MAC address"; an attribute the table lacks is put into words ("ringTone" → "Ring tone"). */
export const attributeLabel = (key: string): string => ATTRIBUTE_LABELS[key] ?? humanize(key);

type GroupFieldKey = Extract<FieldKey, `groups.${string}`>;

/**
 * What each input the core can name in a validation problem is called where people see
 * it (a form's label, "MAC address: ..." in a reply, the API's `fields`). Every key has
 * words here: a new key does not compile without them.
 */
const FIELD_LABELS: Record<Exclude<FieldKey, GroupFieldKey | UserRowKey>, string> = {
  request: 'Request',
  phoneType: ATTRIBUTE_LABELS.phoneType!,
  deviceName: ATTRIBUTE_LABELS.deviceName!,
  macAddress: ATTRIBUTE_LABELS.macAddress!,
  enableExtensionMobility: 'Extension Mobility',
  lineType: ATTRIBUTE_LABELS.lineType!,
  directoryNumber: ATTRIBUTE_LABELS.directoryNumber!,
  displayName: ATTRIBUTE_LABELS.displayName!,
  alias: ATTRIBUTE_LABELS.alias!,
  emailId: ATTRIBUTE_LABELS.emailId!,
  phoneButtonTemplate: 'Phone button template',
  profileName: 'Profile name',
  description: 'Description',
  attributes: 'Product attributes',
  subscriberLogin: 'Subscriber login',
  orderable: 'Product or bundle',
  parentProductId: 'Goes on product',
  requestedDeliveryDate: 'Requested delivery date',
  productId: 'Product',
  changeKind: 'Kind of change',
  newOwnerLogin: 'New owner',
  note: 'Note',
  reason: 'Reason',
  delegateTo: 'Delegate to',
  number: 'Order number',
  subscriptionId: 'Subscription ID',
  offer: 'Offer',
  domain: 'Domain',
  placedBy: 'Placed by',
  'placedBy.email': 'Email of whoever placed the order',
  'placedBy.name': 'Name of whoever placed the order',
  requestedStartDate: 'Requested start date',
  lines: 'Order lines',
  'lines.lineNumber': 'Line number',
  'lines.product': 'Line product',
  'lines.provisioningContactEmail': 'Provisioning contact email',
  organizationId: 'Organization ID',
  email: 'Email address',
  name: 'Name',
  login: 'Login',
  firstName: 'First name',
  lastName: 'Last name',
  phoneNumber: 'Phone number',
  department: 'Department',
  slackUserId: 'Slack user ID',
  teamsUserId: 'Teams user ID',
  roles: 'Roles',
  'roles.role': 'Role',
  'roles.domain': 'Role domain',
  isAuthorizationRequiredForAddOrder: 'Approval needed for Add orders',
  isAuthorizationRequiredForChangeOrder: 'Approval needed for Change orders',
  isAuthorizationRequiredForCancelOrder: 'Approval needed for Cancel orders',
  phoneAssignmentDoneBy: 'Phone assignment done by',
  phoneShippingDoneBy: 'Phone shipping done by',
  phoneReceiptDoneBy: 'Phone receipt done by',
  allowAuthorToApprove: 'Author may approve own orders',
  author: 'Author',
  status: 'Order status',
  state: 'Order status',
  extended: 'Extended status',
  kind: 'Order kind',
  phone: 'Phone number',
  date: 'Order date',
  delivery: 'Requested delivery date',
  limit: 'How many to list',
  groups: 'Notification groups',
  administration: 'Administration group',
  'administration.externalEmails': 'Administration group email addresses',
  'administration.chatDestinations': 'Administration group chat destinations',
  'administration.events': 'Administration group events',
  'administration.aggregationMinutes': 'Administration group aggregation window',
  'administration.escalationMinutes': 'Administration group escalation window',
  smtp: 'SMTP settings',
  'smtp.host': 'SMTP server name (host)',
  'smtp.port': 'SMTP port',
  'smtp.user': 'SMTP user name',
  'smtp.password': 'SMTP password',
  'smtp.from': 'SMTP from address',
  contentUrl: 'Email content URL',
  'contentUrl.protocol': 'Email content URL protocol',
  'contentUrl.host': 'Email content URL host',
  'contentUrl.port': 'Email content URL port',
  billingReminderDays: 'Billing reminder days',
  applyTo: 'Apply to',
  to: 'Send test email to',
  scope: 'Settings for',
  chatDestinations: 'Chat destinations',
  authenticationMethod: 'Authentication method',
  pstnVendor: 'Cloud Connected PSTN vendor',
  language: 'Default language',
  timezone: 'Time zone',
  packages: 'Packages',
  templateId: 'Onboarding template',
  adminEmail: 'Administrator email',
  headquarters: 'Headquarters',
  'headquarters.addressLine1': 'Address line 1',
  'headquarters.addressLine2': 'Address line 2',
  'headquarters.city': 'City',
  'headquarters.stateOrProvince': 'State or province',
  'headquarters.postalCode': 'Postal code',
  'headquarters.country': 'Country',
  supportedLocationVerified: 'I verify that this customer is in a supported location',
  address: 'Address',
  'address.addressLine1': 'Address line 1',
  'address.addressLine2': 'Address line 2',
  'address.city': 'City',
  'address.stateOrProvince': 'State or province',
  'address.postalCode': 'Postal code',
  'address.country': 'Country',
  sipAddressName: 'SIP address name',
  countryOfOperation: 'Country of operation',
  confirmCountry: 'Confirm the country of operation',
  platform: 'Contact center platform',
  telephony: 'Telephony',
  requestType: 'Type of request',
  users: 'Users',
};

const USER_ROW_LABELS: Record<UserRowField, string> = {
  firstName: 'first name',
  lastName: 'last name',
  email: 'email address',
  package: 'package',
  locationId: 'location',
  phoneNumber: 'phone number',
  extension: 'extension',
  adminRole: 'administrator role',
};

const GROUP_FIELD_LABELS: Record<string, string> = {
  externalEmails: 'email addresses',
  chatDestinations: 'chat destinations',
  events: 'events',
  aggregationMinutes: 'aggregation window',
  escalationMinutes: 'escalation window',
};

/** "macAddress" → "MAC address", "groups.Shipping.externalEmails" → "Shipping group email addresses". */
export function fieldLabel(field: FieldKey): string {
  const row = userRowOf(field);
  if (row) return row.field ? `User ${row.index + 1} ${USER_ROW_LABELS[row.field]}` : `User ${row.index + 1}`;
  const group = /^groups\.([A-Za-z]+)(?:\.([A-Za-z]+))?$/.exec(field);
  if (!group) return FIELD_LABELS[field as Exclude<FieldKey, GroupFieldKey | UserRowKey>] ?? humanize(field);
  const what = group[2] ? GROUP_FIELD_LABELS[group[2]] : undefined;
  return what ? `${group[1]} group ${what}` : `${group[1]} group`;
}

const CHANNEL_LABELS: Record<Channel, string> = {
  slack: 'Slack',
  teams: 'Teams',
  email: 'email',
  api: 'the REST API',
  system: 'provbot itself',
};

/** "in Slack", "by email", "through the REST API": how something was done, after a name. */
export function channelPhrase(channel: Channel): string {
  if (channel === 'api') return `through ${CHANNEL_LABELS.api}`;
  if (channel === 'email') return 'by email';
  if (channel === 'system') return `by ${CHANNEL_LABELS.system}`;
  return `in ${CHANNEL_LABELS[channel]}`;
}

/**
 * "Abe Approver (abe@acme.example)": a person in the directory by name, with the address
 * that tells two of the same name apart, as subscriberLabel names a subscriber; the
 * address alone when the directory has no name for them.
 */
export function personLabel(name: string | null | undefined, email: string): string {
  const known = name?.trim();
  // A name the directory never learned is often the address itself: show it once.
  return known && known.toLowerCase() !== email.trim().toLowerCase() ? `${known} (${email})` : email;
}

/** "John Smith (jsmith)" on every card and email; the login alone when the record is gone. */
export function subscriberLabel(subscriber: Subscriber | null, login: string): string {
  if (!subscriber) return login;
  const name = `${subscriber.firstName} ${subscriber.lastName}`.trim();
  return name ? `${name} (${subscriber.login})` : subscriber.login;
}

const ACRONYMS: Record<string, string> = { mac: 'MAC', id: 'ID', dn: 'DN' };

/** "deviceName" → "Device name"; keys already in words stay as they are. */
export function humanize(key: string): string {
  if (/\s/.test(key)) return key;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter(Boolean)
    .map((w) => ACRONYMS[w.toLowerCase()] ?? w.toLowerCase());
  const first = words[0] ?? '';
  return [first.charAt(0).toUpperCase() + first.slice(1), ...words.slice(1)].join(' ');
}
