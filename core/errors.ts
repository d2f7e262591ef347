import type { FieldProblem } from './validation-problems';

export type { FieldKey, FieldProblem } from './validation-problems';

/**
 * Expected failures of the core. Each has a stable code; the presenters own the
 * words a user sees for each code (USER_MESSAGES), so a new code does not compile
 * until it has them. `message` here is for logs and developers only.
 */
export type CoreErrorCode =
  | 'ORDER_NOT_FOUND'
  | 'LINE_NOT_FOUND'
  | 'PAST_PONR'
  | 'NOT_AUTHORIZED'
  | 'ADMIN_APPROVAL_REQUESTED'
  | 'INVALID_STATE'
  | 'VALIDATION_FAILED'
  | 'CONFLICT'
  | 'ALREADY_DECIDED'
  | 'REQUEST_NOT_FOUND'
  | 'DELIVERY_NOT_FOUND'
  | 'DELIVERY_FAILED'
  | 'WORK_ORDER_NOT_FOUND'
  | 'ACTIVITY_NOT_FOUND'
  | 'SUBSCRIBER_NOT_FOUND'
  | 'PRODUCT_NOT_FOUND'
  | 'DEPENDENCY_MISSING'
  | 'STALE'
  | 'DOMAIN_NOT_FOUND'
  | 'RATE_LIMITED'
  | 'TEMPLATE_NOT_FOUND'
  | 'CUSTOMER_NOT_FOUND'
  | 'PROVISIONING_UNAVAILABLE'
  | 'SUPPORT_NOT_CONFIGURED';

export interface CoreErrorDetails {
  ORDER_NOT_FOUND: { orderNumber: string };
  LINE_NOT_FOUND: { orderNumber: string; lineNumbers: number[]; existing: number[] };
  PAST_PONR: { orderNumber: string; lineNumbers: number[]; adminPortalUrl: string };
  NOT_AUTHORIZED: { action: string; reason: string };
  /**
   * A member of a partner domain asked for an onboarding write that needs its
   * Administrator role: not done, but its administrators were asked ('sent'), or a
   * request of theirs for the same thing is still open ('waiting').
   */
  ADMIN_APPROVAL_REQUESTED: { domain: string; action: string; administrators: string[]; state: 'sent' | 'waiting' };
  INVALID_STATE: { reason: string };
  /** Each problem by its input (a label-table key), so adapters show it by the field's label. */
  VALIDATION_FAILED: { fields: FieldProblem[] };
  CONFLICT: { reason: string };
  ALREADY_DECIDED: { decision: string; decidedBy: string; decidedAt: Date };
  REQUEST_NOT_FOUND: { requestId: string };
  /** No outbox delivery has this id (`notify outbox retry <id>`). */
  DELIVERY_NOT_FOUND: { deliveryId: string };
  DELIVERY_FAILED: { what: string; reason: string };
  WORK_ORDER_NOT_FOUND: { orderNumber: string };
  ACTIVITY_NOT_FOUND: { activityId: string };
  SUBSCRIBER_NOT_FOUND: { login: string };
  PRODUCT_NOT_FOUND: { productId: string };
  /** "Voicemail and Email require an existing Line" and the like. */
  DEPENDENCY_MISSING: { product: string; requires: string[] };
  /** The order changed since the card or link was made: show it afresh. */
  STALE: { orderNumber: string; currentVersion: number };
  /** No one in the directory holds a role in the domain: settings for it would reach nobody. */
  DOMAIN_NOT_FOUND: { domain: string };
  /** Too many of `kind` from one person lately: one more is allowed after this wait. */
  RATE_LIMITED: { kind: 'writes' | 'accessRequests'; retryAfterSeconds: number };
  TEMPLATE_NOT_FOUND: { templateId: string };
  CUSTOMER_NOT_FOUND: { customerId: string };
  /** Webex could not take the request now (busy, down, unreachable): nothing was created; try again later. */
  PROVISIONING_UNAVAILABLE: { reason: string; retryAfterSeconds: number | null };
  /** No support address is configured, so a case cannot be opened from here; `supportUrl` is the portal, when known. */
  SUPPORT_NOT_CONFIGURED: { supportUrl: string | null };
}

export class CoreError<C extends CoreErrorCode = CoreErrorCode> extends Error {
  constructor(
    readonly code: C,
    readonly details: CoreErrorDetails[C],
    message?: string,
  ) {
    super(message ?? `${code}: ${JSON.stringify(details)}`);
    this.name = 'CoreError';
  }

  is<K extends CoreErrorCode>(code: K): this is CoreError<K> {
    return (this.code as CoreErrorCode) === code;
  }
}

export const isCoreError = (e: unknown): e is CoreError => e instanceof CoreError;
