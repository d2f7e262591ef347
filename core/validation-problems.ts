import { z } from 'zod';
import { CoreError } from './errors';
import { GROUP_NAMES } from './notifications/notification-settings';
import type { GroupName } from './notifications/notification-settings';

/**
 * Every input the core can name in a validation problem. Adapters show each by its label
 * (adapters/presenters/labels.ts has one for every key, and a test holds it to that), so
 * a problem never reaches a user as a path such as `Phone.macAddress`.
 */
const STATIC_FIELD_KEYS = [
  // The request as a whole, when no one input is at fault ("the body must be a JSON object").
  'request',
  // Catalog attributes (Table 10-3) and what an order names.
  'phoneType',
  'deviceName',
  'macAddress',
  'enableExtensionMobility',
  'lineType',
  'directoryNumber',
  'displayName',
  'alias',
  'emailId',
  'phoneButtonTemplate',
  'profileName',
  'description',
  'attributes',
  'subscriberLogin',
  'orderable',
  'parentProductId',
  'requestedDeliveryDate',
  'productId',
  'changeKind',
  'newOwnerLogin',
  // Activities.
  'note',
  'reason',
  'delegateTo',
  // Order intake (POST /api/orders) and the provisioning contact.
  'number',
  'subscriptionId',
  'offer',
  'domain',
  'placedBy',
  'placedBy.email',
  'placedBy.name',
  'requestedStartDate',
  'lines',
  'lines.lineNumber',
  'lines.product',
  'lines.provisioningContactEmail',
  'organizationId',
  'email',
  // Directory and subscribers.
  'name',
  'login',
  'firstName',
  'lastName',
  'phoneNumber',
  'department',
  'slackUserId',
  'teamsUserId',
  'roles',
  'roles.role',
  'roles.domain',
  // Business rules of a domain.
  'isAuthorizationRequiredForAddOrder',
  'isAuthorizationRequiredForChangeOrder',
  'isAuthorizationRequiredForCancelOrder',
  'phoneAssignmentDoneBy',
  'phoneShippingDoneBy',
  'phoneReceiptDoneBy',
  'allowAuthorToApprove',
  // Work order search (chat `search` and GET /api/work-orders).
  'author',
  'status',
  'state',
  'extended',
  'kind',
  'phone',
  'date',
  'delivery',
  'limit',
  // Notification settings.
  'groups',
  'administration',
  'administration.externalEmails',
  'administration.chatDestinations',
  'administration.events',
  'administration.aggregationMinutes',
  'administration.escalationMinutes',
  'smtp',
  'smtp.host',
  'smtp.port',
  'smtp.user',
  'smtp.password',
  'smtp.from',
  'contentUrl',
  'contentUrl.protocol',
  'contentUrl.host',
  'contentUrl.port',
  'billingReminderDays',
  'applyTo',
  'to',
  'scope',
  'chatDestinations',
  // Onboarding templates and customers, their locations and users.
  'authenticationMethod',
  'pstnVendor',
  'language',
  'timezone',
  'packages',
  'templateId',
  'adminEmail',
  'headquarters',
  'headquarters.addressLine1',
  'headquarters.addressLine2',
  'headquarters.city',
  'headquarters.stateOrProvince',
  'headquarters.postalCode',
  'headquarters.country',
  'supportedLocationVerified',
  'address',
  'address.addressLine1',
  'address.addressLine2',
  'address.city',
  'address.stateOrProvince',
  'address.postalCode',
  'address.country',
  // The services setup wizard.
  'sipAddressName',
  'countryOfOperation',
  'confirmCountry',
  'platform',
  'telephony',
  // Support cases.
  'requestType',
] as const;

export const GROUP_FIELDS = ['externalEmails', 'chatDestinations', 'events', 'aggregationMinutes', 'escalationMinutes'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

/** The inputs of one user in a batch of users (POST /api/customers/{id}/users), named by position: `users[3].phoneNumber`. */
export const USER_ROW_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'package',
  'locationId',
  'phoneNumber',
  'extension',
  'adminRole',
] as const;
export type UserRowField = (typeof USER_ROW_FIELDS)[number];
export type UserRowKey = `users[${number}]` | `users[${number}].${UserRowField}`;

export type FieldKey =
  | (typeof STATIC_FIELD_KEYS)[number]
  | `groups.${GroupName}`
  | `groups.${GroupName}.${GroupField}`
  | 'users'
  | UserRowKey;

/** `users[3].phoneNumber` → { index: 3, field: 'phoneNumber' }; null for any other key. */
export function userRowOf(key: string): { index: number; field: UserRowField | null } | null {
  const m = /^users\[(\d+)\](?:\.([A-Za-z]+))?$/.exec(key);
  if (!m) return null;
  const field = m[2] ?? null;
  if (field !== null && !(USER_ROW_FIELDS as readonly string[]).includes(field)) return null;
  return { index: Number(m[1]), field: field as UserRowField | null };
}

export const FIELD_KEYS: readonly FieldKey[] = [
  ...STATIC_FIELD_KEYS,
  ...GROUP_NAMES.flatMap((g) => [`groups.${g}` as const, ...GROUP_FIELDS.map((f) => `groups.${g}.${f}` as const)]),
  'users',
];
const KNOWN = new Set<string>(FIELD_KEYS);

export const isFieldKey = (key: string): key is FieldKey => KNOWN.has(key) || userRowOf(key) !== null;

/** One problem with one input: `field` names the input (a label-table key), `message` is one plain sentence. */
export interface FieldProblem {
  field: FieldKey;
  message: string;
}

/**
 * "must be an email address" → "Must be an email address.", "is empty" → "This is empty.":
 * one sentence, as a form shows it under its input.
 */
export function sentence(text: string): string {
  const t = /^(is|has) /.test(text.trim()) ? `This ${text.trim()}` : text.trim();
  return fullStop(t.charAt(0).toUpperCase() + t.slice(1));
}

/**
 * A problem as its use case words it: a sentence that may start with a value as typed
 * ("nobody@x.example is not on the list"), so only the full stop is added here.
 */
export const problem = (field: FieldKey, message: string): FieldProblem => ({ field, message: fullStop(message) });

const fullStop = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/**
 * The input a zod path is about: the path without list positions ("lines.0.product" →
 * "lines.product") when that is a known key, else its nearest known ancestor, else the
 * request as a whole. `rename` maps a schema's own names to the keys (`name` → `profileName`;
 * `''` names what a schema of one value is about, `{ '': 'note' }`).
 */
export function fieldOfPath(path: readonly (string | number)[], rename: Record<string, FieldKey> = {}): FieldKey {
  const names = path.filter((p): p is string => typeof p === 'string');
  for (let n = names.length; n > 0; n--) {
    const key = names.slice(0, n).join('.');
    if (rename[key]) return rename[key]!;
    if (isFieldKey(key)) return key;
  }
  return rename[''] ?? 'request';
}

/** The problems of a failed parse, one per input and message, zod's own wording replaced by plain words. */
export function problemsFromZod(error: z.ZodError, rename: Record<string, FieldKey> = {}): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const found: FieldProblem = { field: fieldOfPath(issue.path, rename), message: sentence(plainMessage(issue)) };
    const id = `${found.field}\n${found.message}`;
    if (!seen.has(id)) problems.push(found);
    seen.add(id);
  }
  return problems;
}

/** VALIDATION_FAILED naming each problem's field. */
export const validationFailed = (fields: FieldProblem[]) => new CoreError('VALIDATION_FAILED', { fields });

/** VALIDATION_FAILED's details from a failed parse. */
export const zodFields = (error: z.ZodError, rename?: Record<string, FieldKey>) => ({ fields: problemsFromZod(error, rename) });

const clip = (v: unknown) => String(v).slice(0, 80);

/** A schema's own message as written; zod's defaults ("Required", "Expected string, received number") in plain words. */
export function plainMessage(issue: z.ZodIssue): string {
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    const keys = issue.keys.map((k) => `"${clip(k)}"`).join(', ');
    return `${keys} ${issue.keys.length === 1 ? 'is' : 'are'} not expected here`;
  }
  const zodDefault = z.defaultErrorMap(issue, { defaultError: issue.message, data: undefined }).message;
  if (issue.message !== zodDefault) return issue.message;
  return plainDefault(issue) ?? 'This value is not valid';
}

function plainDefault(issue: z.ZodIssue): string | null {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') return 'This is required';
      return `${EXPECTED[issue.expected] ?? 'This is not the right kind of value'}`;
    case z.ZodIssueCode.too_small:
      if (issue.type === 'string') return Number(issue.minimum) <= 1 ? 'This is required' : `Enter at least ${issue.minimum} characters`;
      if (issue.type === 'array') return Number(issue.minimum) === 1 ? 'Give at least one' : `Give at least ${issue.minimum}`;
      return `Must be at least ${issue.minimum}`;
    case z.ZodIssueCode.too_big:
      if (issue.type === 'string') return `Enter at most ${issue.maximum} characters`;
      if (issue.type === 'array') return `Give at most ${issue.maximum}`;
      return `Must be at most ${issue.maximum}`;
    case z.ZodIssueCode.invalid_enum_value:
      return `"${clip(issue.received)}" is not one of the choices: ${issue.options.join(', ')}`;
    case z.ZodIssueCode.invalid_string:
      return issue.validation === 'email' ? 'Must be an email address' : 'This is not in the expected form';
    case z.ZodIssueCode.not_multiple_of:
      return 'Must be a whole number';
    default:
      return null;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'Must be text',
  number: 'Must be a number',
  integer: 'Must be a whole number',
  boolean: 'Must be true or false',
  array: 'Must be a list',
  object: 'Must be a set of named values',
  date: 'Must be a date',
};
